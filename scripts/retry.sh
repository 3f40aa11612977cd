#!/usr/bin/env bash
# Runs a command until it succeeds or a time budget is spent, waiting longer after each failure.
#   scripts/retry.sh <budget-seconds> <command> [args...]
# Waits start at RETRY_FIRST_DELAY seconds (default 15) and double up to RETRY_MAX_DELAY (default 120); the last attempt
# starts at the latest when the budget ends. Exits 0 on success, else with the command's last exit status.
set -uo pipefail

if [ "$#" -lt 2 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 <budget-seconds> <command> [args...]" >&2
  exit 2
fi
budget=$1
shift
delay=${RETRY_FIRST_DELAY:-15}
max_delay=${RETRY_MAX_DELAY:-120}
deadline=$((SECONDS + budget))
attempt=1

while true; do
  "$@" && exit 0
  status=$?
  remaining=$((deadline - SECONDS))
  if [ "$remaining" -le 0 ]; then
    echo "retry: '$1' failed $attempt time(s) within ${budget}s; giving up (exit status $status)" >&2
    exit "$status"
  fi
  wait=$((delay < remaining ? delay : remaining))
  echo "retry: attempt $attempt of '$1' failed (exit status $status); next in ${wait}s, ${remaining}s of the budget left" >&2
  sleep "$wait"
  attempt=$((attempt + 1))
  delay=$((delay * 2 < max_delay ? delay * 2 : max_delay))
done
