#!/usr/bin/env bash
# Post-deploy smoke test: the loop a user runs, against any deployment (or the local host).
#   1. GET /api/models answers (function key, host up) and reports whether LightGbm can run on the host;
#   2. uploads a small generated CSV to training-data/<model>/data.csv;
#   3. waits, bounded, until GET /api/models/<model> shows a champion (upload delivery, the Durable run, ML.NET);
#   4. POSTs one prediction and checks that the champion's version answered;
#   5. deletes the smoke model's blobs.
# On failure it prints the run record and, on Azure, the app's recent errors from Application Insights, keeps the
# blobs for a look, and exits 1.
#
# Settings (environment):
#   SMOKE_BASE_URL          required: https://<app>.azurewebsites.net, or http://127.0.0.1:7071 for the local host
#   SMOKE_FUNCTION_KEY      a function key, sent as x-functions-key (the local host checks none)
#   SMOKE_UPLOAD            az (default): az storage blob ... --auth-mode login, as the signed-in identity
#                           sas: curl with a SAS (Azurite, or a user delegation SAS on Azure)
#   SMOKE_STORAGE_ACCOUNT   az: the storage account name
#   SMOKE_BLOB_ENDPOINT     sas: the blob service URL, e.g. http://127.0.0.1:10000/devstoreaccount1
#   SMOKE_BLOB_SAS          sas: a SAS query string (no leading ?) that may read, write, list and delete blobs
#   SMOKE_MODEL             model name (default smoke-<time>-<random>)
#   SMOKE_ROWS              rows of the generated dataset (default 200)
#   SMOKE_TIMEOUT_SECONDS   how long to wait for a champion (default 900)
#   SMOKE_POLL_SECONDS      between looks (default 10)
#   SMOKE_UPLOAD_RETRY_SECONDS  how long to retry a refused upload, e.g. while a new role assignment applies (default 300)
#   SMOKE_RESOURCE_GROUP, SMOKE_APP_INSIGHTS  where to read recent errors on failure (az monitor app-insights query)
set -euo pipefail
scripts_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

containers=(training-data datasets models validation-reports quarantine)
storage_version="2023-11-03"

base_url="${SMOKE_BASE_URL:?set SMOKE_BASE_URL to the app, e.g. https://<app>.azurewebsites.net}"
base_url="${base_url%/}"
upload_mode="${SMOKE_UPLOAD:-az}"
model="${SMOKE_MODEL:-smoke-$(date -u +%Y%m%d%H%M%S)-$RANDOM}"
rows="${SMOKE_ROWS:-200}"
timeout_seconds="${SMOKE_TIMEOUT_SECONDS:-900}"
poll_seconds="${SMOKE_POLL_SECONDS:-10}"
upload_retry_seconds="${SMOKE_UPLOAD_RETRY_SECONDS:-300}"

require() {
  command -v "$1" >/dev/null 2>&1 || { echo "smoke: '$1' is required ($2)" >&2; exit 2; }
}
require curl "HTTP calls"
require jq "reading the app's JSON answers"
require awk "generating the dataset"
case "$upload_mode" in
  az)
    require az "uploads as the signed-in identity; or set SMOKE_UPLOAD=sas"
    : "${SMOKE_STORAGE_ACCOUNT:?set SMOKE_STORAGE_ACCOUNT (SMOKE_UPLOAD=az)}"
    ;;
  sas)
    : "${SMOKE_BLOB_ENDPOINT:?set SMOKE_BLOB_ENDPOINT (SMOKE_UPLOAD=sas)}"
    : "${SMOKE_BLOB_SAS:?set SMOKE_BLOB_SAS (SMOKE_UPLOAD=sas)}"
    ;;
  *) echo "smoke: SMOKE_UPLOAD must be 'az' or 'sas', not '$upload_mode'" >&2; exit 2 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The key goes to curl through a file, never on a command line.
: > "$work/headers"
chmod 600 "$work/headers"
if [ -n "${SMOKE_FUNCTION_KEY:-}" ]; then
  printf 'x-functions-key: %s\n' "$SMOKE_FUNCTION_KEY" > "$work/headers"
fi

log() { echo "smoke: $*"; }

# api METHOD PATH [JSON]: the answer's body goes to $work/body, its status to $status (000: no answer).
api() {
  local args=(--silent --max-time 60 -X "$1" -H @"$work/headers" -o "$work/body" -w '%{http_code}')
  if [ -n "${3:-}" ]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$3")
  fi
  status="$(curl "${args[@]}" "$base_url$2" || true)"
  status="${status:-000}"
}

# upload_command BLOB FILE: the command that uploads FILE to training-data/BLOB, in $upload_command.
upload_command() {
  if [ "$upload_mode" = az ]; then
    upload_command=(az storage blob upload --auth-mode login --account-name "$SMOKE_STORAGE_ACCOUNT"
      --container-name training-data --name "$1" --file "$2" --overwrite --only-show-errors --output none)
  else
    upload_command=(curl --fail --silent --show-error -X PUT -H "x-ms-version: $storage_version"
      -H "x-ms-blob-type: BlockBlob" -H "Content-Type: text/csv" --data-binary @"$2"
      "$SMOKE_BLOB_ENDPOINT/training-data/$1?$SMOKE_BLOB_SAS")
  fi
}

# delete_blobs CONTAINER PREFIX
delete_blobs() {
  if [ "$upload_mode" = az ]; then
    az storage blob delete-batch --auth-mode login --account-name "$SMOKE_STORAGE_ACCOUNT" --source "$1" \
      --pattern "$2*" --only-show-errors --output none
  else
    local listing name
    listing="$(curl --fail --silent --show-error -H "x-ms-version: $storage_version" \
      "$SMOKE_BLOB_ENDPOINT/$1?restype=container&comp=list&prefix=$2&$SMOKE_BLOB_SAS")" || return 1
    for name in $(grep -o '<Name>[^<]*</Name>' <<<"$listing" | sed -e 's/<Name>//' -e 's/<\/Name>//'); do
      curl --fail --silent --show-error -X DELETE -H "x-ms-version: $storage_version" \
        "$SMOKE_BLOB_ENDPOINT/$1/$name?$SMOKE_BLOB_SAS" || return 1
    done
  fi
}

recent_errors() {
  if [ -z "${SMOKE_APP_INSIGHTS:-}" ] || [ -z "${SMOKE_RESOURCE_GROUP:-}" ] || ! command -v az >/dev/null 2>&1; then
    log "(set SMOKE_APP_INSIGHTS and SMOKE_RESOURCE_GROUP to see the app's recent errors here; locally, see the host's console)"
    return
  fi
  log "the app's errors of the last hour (Application Insights $SMOKE_APP_INSIGHTS):"
  local query='union exceptions, (traces | where severityLevel >= 3)
    | project timestamp, itemType, operation_Name, problemId, message = coalesce(outerMessage, message)
    | order by timestamp desc | take 30'
  az monitor app-insights query --app "$SMOKE_APP_INSIGHTS" --resource-group "$SMOKE_RESOURCE_GROUP" --offset 1h \
      --analytics-query "$query" --only-show-errors --output json |
    jq -r '.tables[0].rows[] | map(tostring) | join("  ")' ||
    log "could not read Application Insights (az monitor app-insights query failed)"
}

fail() {
  echo "smoke: FAILED: $*" >&2
  log "training runs of $model (GET /api/models/$model/runs):"
  api GET "/api/models/$model/runs"
  if [ "$status" = 200 ]; then jq . "$work/body" || cat "$work/body"; else log "(HTTP $status)"; fi
  recent_errors
  log "the smoke model's blobs are kept for a look: <container>/$model/ in ${containers[*]}"
  exit 1
}

started=$SECONDS

log "GET $base_url/api/models"
for _ in $(seq 1 12); do
  api GET /api/models
  [ "$status" = 200 ] && break
  log "GET /api/models answered HTTP $status; the app may be starting, trying again in 10 s"
  sleep 10
done
[ "$status" = 200 ] || fail "GET /api/models answered HTTP $status (401: wrong function key; 5xx or 000: the app does not run)"
jq -e '(.models | type) == "array" and (.health.lightGbm.available | type) == "boolean"' "$work/body" >/dev/null ||
  fail "GET /api/models did not answer {models: [...], health: {lightGbm: ...}}: $(head -c 300 "$work/body")"
if jq -e '.health.lightGbm.available == false' "$work/body" >/dev/null; then
  echo "smoke: WARNING: LightGbm cannot run on this host: $(jq -r '.health.lightGbm.reason' "$work/body")" >&2
fi

awk -v rows="$rows" 'BEGIN {
  srand(42); print "x1,x2,label"
  for (i = 0; i < rows; i++) { x1 = rand(); x2 = rand(); printf "%.4f,%.4f,%d\n", x1, x2, (x1 + x2 + (rand() - 0.5) * 0.2 > 1) }
}' > "$work/data.csv"
log "uploading $rows generated rows to training-data/$model/data.csv ($upload_mode)"
upload_command "$model/data.csv" "$work/data.csv"
RETRY_FIRST_DELAY=5 RETRY_MAX_DELAY=30 bash "$scripts_dir/retry.sh" "$upload_retry_seconds" "${upload_command[@]}" ||
  fail "could not upload training-data/$model/data.csv (a 403 means the identity has no Storage Blob Data role on the account yet)"

log "waiting up to ${timeout_seconds}s for $model to get a champion"
deadline=$((SECONDS + timeout_seconds))
seen="" champion=""
while true; do
  api GET "/api/models/$model"
  if [ "$status" = 200 ]; then
    champion="$(jq -r '.champion.version // empty' "$work/body")"
    [ -n "$champion" ] && break
    run_status="$(jq -r '.recentRuns[0].status // "none"' "$work/body")"
    if [ "$run_status" != "$seen" ]; then
      log "latest training run: $run_status"
      seen="$run_status"
    fi
    case "$run_status" in
      Rejected | Failed | Duplicate | NotPromoted)
        fail "$model has no champion: its training run ended $run_status: $(jq -r '.recentRuns[0].message // "no message"' "$work/body")" ;;
    esac
  elif [ "$status" != 404 ]; then
    log "GET /api/models/$model answered HTTP $status"
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    if [ -z "$seen" ]; then
      fail "$model has no champion after ${timeout_seconds}s: no training run was recorded, so the upload never reached the app (on Azure: the Event Grid subscription to StartTrainingOnUpload and its webhook)"
    fi
    fail "$model has no champion after ${timeout_seconds}s: its latest training run is still $seen"
  fi
  sleep "$poll_seconds"
done
log "champion: $model v$champion"

api POST "/api/models/$model/predict" '{"x1": 0.9, "x2": 0.8}'
[ "$status" = 200 ] || fail "POST /api/models/$model/predict answered HTTP $status: $(head -c 300 "$work/body")"
served="$(jq -r '.version // empty' "$work/body")"
[ "$served" = "$champion" ] || fail "the prediction was served by version '$served', not the champion v$champion"
log "prediction by v$served: $(jq -c .prediction "$work/body")"

for container in "${containers[@]}"; do
  delete_blobs "$container" "$model/" || fail "could not delete $container/$model/"
done
log "deleted the blobs under $model/ in ${containers[*]}"
log "passed in $((SECONDS - started))s: $model trained, promoted and served"
