#!/usr/bin/env bash
# azd postdeploy hook: subscribes the blob trigger (IngestArticle) to the storage
# account's Event Grid system topic for BlobCreated, and HandleBlobDeleted (an HTTP
# webhook) for BlobDeleted: the blob trigger drops deletions, since the blob it would
# bind is gone. Runs after deploy because the webhook URLs carry keys that exist once
# the code runs: the blobs_extension system key, and HandleBlobDeleted's own function key
# "eventgrid" (made here; it opens that one function, none of the admin-level manage routes).
# Rotate that key with ROTATE_EVENTGRID_KEY=1 ./infra/hooks/postdeploy.sh.
set -euo pipefail

# azd exports its environment to hooks; fall back to `azd env get-values` when run by hand.
if [[ -z "${AZURE_FUNCTION_APP_NAME:-}" ]] && command -v azd >/dev/null; then
  set -a; eval "$(azd env get-values)"; set +a
fi
: "${AZURE_FUNCTION_APP_NAME:?AZURE_FUNCTION_APP_NAME is not set (run azd provision first)}"
: "${AZURE_RESOURCE_GROUP:?AZURE_RESOURCE_GROUP is not set}"
: "${AZURE_EVENTGRID_TOPIC_NAME:?AZURE_EVENTGRID_TOPIC_NAME is not set}"
command -v az >/dev/null || { echo "postdeploy: the Azure CLI (az) is required" >&2; exit 1; }

app="$AZURE_FUNCTION_APP_NAME"
rg="$AZURE_RESOURCE_GROUP"
sub=()
[[ -n "${AZURE_SUBSCRIPTION_ID:-}" ]] && sub=(--subscription "$AZURE_SUBSCRIPTION_ID")
container="${AZURE_ARTICLES_CONTAINER_NAME:-articles}"
endpoint="${SERVICE_API_ENDPOINT:-https://$app.azurewebsites.net}"
function_name="IngestArticle"
subscription_name="ingest-articles"

app_id="$(az functionapp show -g "$rg" -n "$app" "${sub[@]}" --query id -o tsv)"

read_key() { # JMESPath of the key in the host's key list (default: the blobs_extension system key)
  local key query="${1:-systemKeys.blobs_extension}"
  key="$(az functionapp keys list -g "$rg" -n "$app" "${sub[@]}" \
    --query "$query" -o tsv 2>/dev/null || true)"
  if [[ -z "$key" || "$key" == "None" ]]; then
    key="$(az rest --method post "${sub[@]}" \
      --url "$app_id/host/default/listKeys?api-version=2024-04-01" \
      --query "$query" -o tsv 2>/dev/null || true)"
  fi
  [[ "$key" == "None" ]] && key=""
  printf '%s' "$key"
}

# The key appears once the host has started with the blob trigger: wake it and wait.
key=""
for attempt in $(seq 1 30); do
  key="$(read_key)"
  [[ -n "$key" ]] && break
  echo "postdeploy: waiting for the blobs_extension key ($attempt/30)..."
  curl -fsS -o /dev/null --max-time 30 "$endpoint/" 2>/dev/null || true
  sleep 10
done
[[ -n "$key" ]] || { echo "postdeploy: no blobs_extension key on $app; is IngestArticle deployed?" >&2; exit 1; }

webhook="$endpoint/runtime/webhooks/blobs?functionName=Host.Functions.$function_name&code=$key"

# create is a create-or-update (PUT), so re-running the hook is safe.
subscribe() { # name endpoint event-type what
  az eventgrid system-topic event-subscription create "${sub[@]}" \
    --name "$1" \
    --resource-group "$rg" \
    --system-topic-name "$AZURE_EVENTGRID_TOPIC_NAME" \
    --endpoint-type webhook \
    --endpoint "$2" \
    --included-event-types "$3" \
    --subject-begins-with "/blobServices/default/containers/$container/" \
    --output none
  echo "postdeploy: Event Grid subscription '$1' on '$AZURE_EVENTGRID_TOPIC_NAME' -> $4"
}

subscribe "$subscription_name" "$webhook" Microsoft.Storage.BlobCreated "$function_name"

# Deletions: their own subscription to the HandleBlobDeleted webhook, so a removed document leaves every feed within
# seconds instead of at the next reconcile pass. Its URL carries a key of that function only ("eventgrid"), never a
# host key: the manage routes are admin level (master key), so this key opens nothing else.
webhook_function="HandleBlobDeleted"
webhook_key_name="eventgrid"
webhook_key=""
if [[ "${ROTATE_EVENTGRID_KEY:-0}" != 1 ]]; then
  webhook_key="$(az functionapp function keys list -g "$rg" -n "$app" "${sub[@]}" --function-name "$webhook_function" \
    --query "$webhook_key_name" -o tsv 2>/dev/null || true)"
  [[ "$webhook_key" == "None" ]] && webhook_key=""
fi
if [[ -z "$webhook_key" ]]; then
  command -v openssl >/dev/null || { echo "postdeploy: openssl is required to make the webhook key" >&2; exit 1; }
  webhook_key="$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=\n')"
  az functionapp function keys set -g "$rg" -n "$app" "${sub[@]}" --function-name "$webhook_function" \
    --key-name "$webhook_key_name" --key-value "$webhook_key" --output none
  echo "postdeploy: function key '$webhook_key_name' of $webhook_function set"
fi
subscribe remove-articles "$endpoint/api/events/blob-deleted?code=$webhook_key" Microsoft.Storage.BlobDeleted "$webhook_function"

# The smoke check (scripts/smoke.sh): a probe article through storage, Event Grid and the feeds, as readers get them.
# Offered after every deploy; run here when SYNDICATION_SMOKE is true (azd env set SYNDICATION_SMOKE true).
public="${FEED_RSS_URL:+${FEED_RSS_URL%/feeds/all.rss}}"
public="${public:-$endpoint/api}"
smoke="$(cd "$(dirname "$0")/../.." && pwd)/scripts/smoke.sh"
if [[ "${SYNDICATION_SMOKE:-}" == true ]]; then
  "$smoke" "$public"
else
  echo "postdeploy: check the deployment end to end with scripts/smoke.sh $public (azd env set SYNDICATION_SMOKE true runs it after every deploy)"
fi
