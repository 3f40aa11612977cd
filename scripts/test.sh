#!/usr/bin/env bash
# README command 2: the whole test suite that runs without Pulumi (infra/ and its tests build in the deploy pipeline).
# Installs what it needs; each test assembly starts and stops its own Azurite on free ports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/prerequisites.sh

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test scripts/MlopsServerless.Local.slnf --configuration Release --nologo 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test assemblies' "Passed!/Failed!" lines.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
       n++ }
     END { if (n == 0) { print "no test assembly reported results"; exit 1 } printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log" || status=1
exit "$status"
