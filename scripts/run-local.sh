#!/usr/bin/env bash
# README command 1: runs the platform on this machine with a demo. Installs what it needs, starts Azurite (data kept in
# .local/azurite, so orchestrations survive a restart), starts the local host on http://localhost:7071 (MLOPS_URL to
# change it), uploads a generated demo dataset, waits for its first champion and prints a prediction request.
# Ctrl-C stops everything this script started.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/prerequisites.sh
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh

echo "Building the local host..."
dotnet build functions/MlopsServerless.LocalHost --configuration Release --nologo --verbosity quiet

start_azurite "$root/.local/azurite"
host_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null
  kill "$AZURITE_PID" 2>/dev/null && wait "$AZURITE_PID" 2>/dev/null
  echo "Stopped the local host and Azurite."
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export MlopsStorage="$AZURITE_CONNECTION_STRING"
export MLOPS_LOCAL_DEMO="${MLOPS_LOCAL_DEMO:-true}"
export ASPNETCORE_URLS="${MLOPS_URL:-http://localhost:7071}"
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
echo "Azurite: $AZURITE_CONNECTION_STRING"
echo "Starting the local host on $ASPNETCORE_URLS ..."
dotnet functions/MlopsServerless.LocalHost/bin/Release/net10.0/MlopsServerless.LocalHost.dll &
host_pid=$!
wait "$host_pid"
