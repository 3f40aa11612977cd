#!/usr/bin/env bash
# README command 2: the whole test suite. Installs what it needs; each test assembly starts and stops its own Azurite on
# free ports. infra/ and its Pulumi mock tests run too where the offline Pulumi packages exist (../shared/pulumi-offline
# next to the repository); elsewhere CI's second step builds them against the public feed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/prerequisites.sh

log="$(mktemp)"
trap 'rm -f "$log" "$log.part"' EXIT
status=0

# run_tests ARGS...: dotnet test ARGS, shown and added to the log. A run that fails without a test reporting a failure
# (a build error, a crashed test host) counts as one failed test, so that the closing line cannot read as a clean run.
run_tests() {
  local code=0
  dotnet test "$@" 2>&1 | tee "$log.part" || code=$?
  cat "$log.part" >> "$log"
  if [ "$code" -ne 0 ] && ! grep -qE 'Failed! +- +Failed:' "$log.part"; then
    echo "Failed!  - Failed:     1, Passed:     0, Skipped:     0 - 'dotnet test $1' failed before any test did" >> "$log"
  fi
  return "$code"
}

run_tests scripts/MlopsServerless.Local.slnf --configuration Release --nologo || status=$?

# The offline Pulumi packages are an extra restore source for this one command, never a source of the project, and
# restore into a temporary package folder (the machine-wide cache only serves as a read-only fallback), so that
# packages carrying the real ids and versions never stay behind.
pulumi_feed="$root/../shared/pulumi-offline"
if [ -d "$pulumi_feed" ]; then
  pulumi_packages="$(mktemp -d)"
  trap 'rm -f "$log" "$log.part"; rm -rf "$pulumi_packages"' EXIT
  echo "infra/: build and Pulumi mock tests with the packages in $(cd "$pulumi_feed" && pwd)"
  run_tests tests/MlopsServerless.Infra.Tests --configuration Release --nologo \
    -p:RestoreAdditionalProjectSources="$(cd "$pulumi_feed" && pwd)" \
    -p:RestorePackagesPath="$pulumi_packages" \
    -p:RestoreFallbackFolders="${NUGET_PACKAGES:-$HOME/.nuget/packages}" || status=$?
fi

# One closing line for the whole run, summed over the test assemblies' "Passed!/Failed!" lines.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
       n++ }
     END { if (n == 0) { print "no test assembly reported results"; exit 1 } printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log" || status=1
exit "$status"
