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

if ! ldconfig -p 2>/dev/null | grep -q 'libgomp\.so\.1'; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing libgomp1 (LightGbm native dependency)..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgomp1 >/dev/null
  else
    echo "warning: libgomp.so.1 not found; install your distribution's libgomp1 for LightGbm models" >&2
  fi
fi

if ! command -v jq >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing jq (the smoke test script reads JSON with it)..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null
  else
    echo "warning: jq not found; install it to run scripts/smoke-deployed.sh and its end-to-end tests" >&2
  fi
fi

if [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing chromium (the dashboard's browser test)..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "warning: /usr/bin/chromium not found; install your distribution's chromium to run the dashboard's browser test" >&2
  fi
fi

if [ ! -f "$scripts_dir/azurite/node_modules/azurite/dist/src/azurite.js" ]; then
  echo "Installing Azurite (npm)..."
  (cd "$scripts_dir/azurite" && npm ci --no-audit --no-fund --loglevel=error)
fi
