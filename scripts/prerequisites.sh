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

# debian_package PACKAGE PRESENT WHY: installs PACKAGE with apt-get unless the command PRESENT succeeds; without apt-get
# or root, warns and goes on (only what needs the package fails then).
debian_package() {
  if eval "$2" >/dev/null 2>&1; then
    return
  fi
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing $1 ($3)..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  else
    echo "warning: $1 is not installed and cannot be installed here; install it for $3" >&2
  fi
}

debian_package libgomp1 "ldconfig -p | grep -q 'libgomp\.so\.1'" "LightGbm's native library"
debian_package jq "command -v jq" "scripts/smoke-deployed.sh and its end-to-end tests"
debian_package chromium "test -x /usr/bin/chromium" "the dashboard's browser test"

if [ ! -f "$scripts_dir/azurite/node_modules/azurite/dist/src/azurite.js" ]; then
  echo "Installing Azurite (npm)..."
  (cd "$scripts_dir/azurite" && npm ci --no-audit --no-fund --loglevel=error)
fi
