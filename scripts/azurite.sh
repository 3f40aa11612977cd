#!/usr/bin/env bash
# Sourced by run-local.sh: start_azurite DATA_DIR starts Azurite on free loopback ports with its data in
# DATA_DIR, waits until it answers, and sets AZURITE_PID and AZURITE_CONNECTION_STRING.
scripts_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

start_azurite() {
  local data_dir="$1"
  mkdir -p "$data_dir"
  local blob_port queue_port table_port
  blob_port="$(free_port)"; queue_port="$(free_port)"; table_port="$(free_port)"
  # Its own session: Ctrl-C in the terminal must not stop storage before the host has shut down.
  setsid node "$scripts_dir/azurite/node_modules/azurite/dist/src/azurite.js" \
    --location "$data_dir" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$blob_port" --queuePort "$queue_port" --tablePort "$table_port" \
    --skipApiVersionCheck --loose >"$data_dir/azurite.log" 2>&1 &
  AZURITE_PID=$!
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
  for _ in $(seq 1 100); do
    if (echo >"/dev/tcp/127.0.0.1/$table_port") 2>/dev/null && (echo >"/dev/tcp/127.0.0.1/$blob_port") 2>/dev/null; then
      return 0
    fi
    kill -0 "$AZURITE_PID" 2>/dev/null || { echo "error: Azurite exited; see $data_dir/azurite.log" >&2; return 1; }
    sleep 0.2
  done
  echo "error: Azurite did not start within 20 s; see $data_dir/azurite.log" >&2
  return 1
}
