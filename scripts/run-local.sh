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
dotnet build functions/MlopsServerless.LocalHost --configuration Release --nologo --verbosity quiet -consoleLoggerParameters:ErrorsOnly

start_azurite "$root/.local/azurite"
host_pid=""
stop() { # stop PID SECONDS: SIGTERM (a graceful shutdown), then SIGKILL if it is still there after SECONDS
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 1 $(($2 * 10))); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}
cleanup() {
  trap '' PIPE INT # finish stopping even if the terminal or a pipe reading our output is gone
  [ -n "$host_pid" ] && stop "$host_pid" 30
  # Azurite saves and reports "successfully closed" at once, but its process can linger on open handles.
  stop "$AZURITE_PID" 5
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
