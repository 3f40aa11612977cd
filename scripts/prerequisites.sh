#!/usr/bin/env bash
# Installs what the local run and the tests need beyond the .NET SDK: Azurite (npm, pinned in
# scripts/azurite/package-lock.json), libgomp1 (LightGbm's native library needs it), jq (scripts/smoke-deployed.sh,
# which the end-to-end tests run) and Debian's chromium (the dashboard's browser test drives it with Playwright; Playwright's
# own browser download is never used).
# Idempotent: a second call does nothing.
set -euo pipefail
scripts_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

require() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is required ($2)" >&2; exit 1; }
}
require dotnet "install the .NET 10 SDK"
require node "install Node.js 20 or later"
require npm "install Node.js 20 or later"

source "$scripts_dir/debian-package.sh"

debian_package libgomp1 "ldconfig -p | grep -q 'libgomp\.so\.1'" "LightGbm's native library"
debian_package jq "command -v jq" "scripts/smoke-deployed.sh and its end-to-end tests"
debian_package chromium "test -x /usr/bin/chromium" "the dashboard's browser test"

if [ ! -f "$scripts_dir/azurite/node_modules/azurite/dist/src/azurite.js" ]; then
  echo "Installing Azurite (npm)..."
  (cd "$scripts_dir/azurite" && npm ci --no-audit --no-fund --loglevel=error)
fi
