#!/usr/bin/env bash
# One smoke check of the path a user depends on, local or deployed, with the tools a user has (az, curl):
#   scripts/smoke.sh [BASE_URL]        default http://127.0.0.1:7071/api (./run.sh); a deployment: its endpoint
# Uploads a probe article and its image with the Azure CLI, waits for it in RSS, Atom and JSON Feed with its enclosure,
# fetches the image and makes conditional GETs (304), with Front Door in front checks that a second read is a cache
# hit, deletes the probe and waits for it to leave the feeds. Each step prints its time; a failure names its step and
# exits 1 (2: bad usage or missing tools). The whole run has a time limit: SMOKE_TIMEOUT seconds (180).
# Storage: on a local BASE_URL, Azurite through the development connection string (AzureWebJobsStorage when it is a
# full connection string); otherwise the account AZURE_STORAGE_ACCOUNT_NAME (azd's output, read with `azd env
# get-values` when unset) as you are signed in (az login; --auth-mode login: Storage Blob Data Contributor needed).
# The container: AZURE_ARTICLES_CONTAINER_NAME, else Syndication__Storage__ArticlesContainer, else articles.
set -uo pipefail
cd "$(dirname "$0")/.."

base="${1:-http://127.0.0.1:7071/api}"
base="${base%/}"
[[ "$base" == */api ]] || base="$base/api"
limit="${SMOKE_TIMEOUT:-180}"
now() { echo "${EPOCHREALTIME/[.,]/}"; } # microseconds
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", (b - a) / 1e6 }'; }
start=$(now)
step_start=$start
step=setup
work="$(mktemp -d)"
uploaded=0

say() { printf 'smoke %6s s  %s\n' "$(since "$start")" "$*"; }
fail() { printf 'smoke: FAILED at step "%s" after %s s: %s\n' "$step" "$(since "$start")" "$*" >&2; exit 1; }
begin() { step="$1"; step_start=$(now); }
done_step() { say "$step: $* ($(since "$step_start") s)"; }
left() { echo $(( limit - ($(now) - start) / 1000000 )); }
for tool in az curl python3; do command -v "$tool" >/dev/null || { echo "smoke: $tool is needed and not installed" >&2; exit 2; }; done

# Where the probe goes: Azurite by connection string, or an Azure account as the signed-in user.
host="${base#*://}"; host="${host%%[:/]*}"
container="${AZURE_ARTICLES_CONTAINER_NAME:-${Syndication__Storage__ArticlesContainer:-articles}}"
if [[ "$host" == 127.0.0.1 || "$host" == localhost ]]; then
  connection="${AzureWebJobsStorage:-}"
  [[ "$connection" == *AccountKey=* ]] || connection='DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;'
  target=(--connection-string "$connection")
  where="Azurite (development connection string)"
else
  if [[ -z "${AZURE_STORAGE_ACCOUNT_NAME:-}" ]] && command -v azd >/dev/null; then
    set -a; eval "$(azd env get-values 2>/dev/null)"; set +a
  fi
  [[ -n "${AZURE_STORAGE_ACCOUNT_NAME:-}" ]] || { echo "smoke: which storage account? set AZURE_STORAGE_ACCOUNT_NAME (azd env get-values has it)" >&2; exit 2; }
  target=(--account-name "$AZURE_STORAGE_ACCOUNT_NAME" --auth-mode login)
  where="account $AZURE_STORAGE_ACCOUNT_NAME (az login)"
fi
export AZURE_CORE_COLLECT_TELEMETRY=no AZURE_CORE_NO_COLOR=1

slug="smoke-probe-$(date -u +%Y%m%d%H%M%S)-$RANDOM"
image="samples/articles/harbour-reopens/boats.jpg"
bytes=$(wc -c < "$image")
az_() {
  (( $(left) > 0 )) || fail "the time limit ($limit s) ran out"
  timeout "$(left)" az "$@" "${target[@]}" --only-show-errors -o none
}

cleanup() {
  if [[ "$uploaded" == 1 ]]; then
    az storage blob delete -c "$container" -n "$slug.md" "${target[@]}" --only-show-errors -o none 2>/dev/null
    az storage blob delete -c "$container" -n "$slug/probe.jpg" "${target[@]}" --only-show-errors -o none 2>/dev/null
    echo "smoke: removed the probe $slug"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# get URL [curl options...]: the status; headers in $work/headers, body in $work/body.
get() {
  local url="$1"; shift
  : > "$work/headers"; : > "$work/body"
  curl -sS --max-time 30 -D "$work/headers" -o "$work/body" -w '%{http_code}' "$@" "$url" 2>"$work/curl-error" || true
}
header() { sed -n "s/^$1: *//Ip" "$work/headers" | tr -d '\r' | tail -1; }

# Whether the feed in $work/body lists the probe with its enclosure (prints what is missing when not).
probe_in() {
  python3 - "$1" "$slug" "$bytes" "$work/body" <<'PY'
import json, sys, xml.etree.ElementTree as ET
fmt, slug, size, path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
page, image = f"/articles/{slug}", f"/images/{slug}/probe.jpg"
A = "{http://www.w3.org/2005/Atom}"
def check(enclosures):
    good = [e for e in enclosures if image in (e[0] or "") and str(e[1]) == str(size) and e[2] == "image/jpeg"]
    print("ok" if good else f"listed, but no enclosure {image} of {size} bytes, image/jpeg: {enclosures}")
try:
    if fmt == "json":
        items = [i for i in json.load(open(path, encoding="utf-8"))["items"] if i.get("url", "").endswith(page)]
        if not items: print("absent"); sys.exit()
        check([(a.get("url"), a.get("size_in_bytes"), a.get("mime_type")) for a in items[0].get("attachments", [])])
    elif fmt == "rss":
        items = [i for i in ET.parse(path).iter("item") if (i.findtext("link") or "").endswith(page)]
        if not items: print("absent"); sys.exit()
        check([(e.get("url"), e.get("length"), e.get("type")) for e in items[0].iter("enclosure")])
    else:
        entries = [e for e in ET.parse(path).iter(A + "entry")
                   if any(l.get("rel", "alternate") == "alternate" and l.get("href", "").endswith(page) for l in e.iter(A + "link"))]
        if not entries: print("absent"); sys.exit()
        check([(l.get("href"), l.get("length"), l.get("type")) for l in entries[0].iter(A + "link") if l.get("rel") == "enclosure"])
except (ET.ParseError, ValueError, KeyError) as e:
    print(f"unreadable: {e}")
PY
}

# wait_feeds present|absent: polls the three feeds until each shows the probe (with its enclosure) or no longer lists it.
wait_feeds() {
  local want="$1" pending=(rss atom json) still=() format status state
  while :; do
    still=()
    for format in "${pending[@]}"; do
      status=$(get "$base/feeds/all.$format")
      state="HTTP $status"
      [[ "$status" == 200 ]] && state="$(probe_in "$format")"
      if [[ "$want" == present && "$state" == ok ]] || [[ "$want" == absent && "$state" == absent ]]; then
        say "  all.$format: $( [[ $want == present ]] && echo "lists it with its enclosure" || echo "no longer lists it") after $(since "$step_start") s"
      else
        still+=("$format"); last="all.$format: $state"
      fi
    done
    [[ ${#still[@]} -gt 0 ]] || return 0
    pending=("${still[@]}")
    (( $(left) > 0 )) || fail "still waiting on ${pending[*]} at the time limit ($limit s); last: $last"
    sleep 1
  done
}

say "checking $base with a probe article $slug through $where, container $container; time limit $limit s"

begin health
status=$(get "$base/health")
[[ "$status" == 200 ]] || fail "GET $base/health answered $status: $(head -c 300 "$work/body")$(cat "$work/curl-error")"
done_step "200 $(head -c 100 "$work/body")"

begin upload
mkdir -p "$work/probe"
cat > "$work/probe/$slug.md" <<MD
---
title: Smoke probe $slug
summary: An article scripts/smoke.sh publishes and removes a moment later.
published: $(date -u +%Y-%m-%dT%H:%M:%SZ)
images:
  - file: probe.jpg
    caption: The probe's image, one of the samples.
---
This article checks the path from storage to the feeds, and is removed again when it has been seen there.
MD
uploaded=1
az_ storage blob upload --overwrite --no-progress -c "$container" -n "$slug/probe.jpg" -f "$image" --content-type image/jpeg \
  || fail "az storage blob upload of $slug/probe.jpg failed (above)"
az_ storage blob upload --overwrite --no-progress -c "$container" -n "$slug.md" -f "$work/probe/$slug.md" --content-type text/markdown \
  || fail "az storage blob upload of $slug.md failed (above)"
done_step "$slug.md and $slug/probe.jpg ($bytes bytes) with az storage blob upload"

begin "in the feeds"
wait_feeds present
done_step "in RSS, Atom and JSON Feed with its enclosure"

begin image
status=$(get "$base/feeds/all.json")
url="$(python3 -c 'import json,sys; print(next(a["url"] for i in json.load(open(sys.argv[1]))["items"] if i["url"].endswith("/articles/"+sys.argv[2]) for a in i["attachments"]))' "$work/body" "$slug" 2>/dev/null)"
[[ -n "$url" ]] || fail "the JSON Feed no longer lists the probe's attachment"
status=$(get "$url")
[[ "$status" == 200 ]] || fail "GET $url answered $status"
[[ "$(header Content-Type)" == image/jpeg* ]] || fail "GET $url answered Content-Type $(header Content-Type)"
cmp -s "$work/body" "$image" || fail "GET $url answered other bytes than the uploaded image ($(wc -c < "$work/body") bytes)"
etag="$(header ETag)"
[[ -n "$etag" ]] || fail "GET $url answered no ETag"
status=$(get "$url" -H "If-None-Match: $etag")
[[ "$status" == 304 ]] || fail "GET $url with If-None-Match: $etag answered $status, not 304"
done_step "the same $bytes bytes, image/jpeg; again with If-None-Match: 304"

begin "conditional GET"
status=$(get "$base/feeds/all.rss")
etag="$(header ETag)"
[[ "$status" == 200 && -n "$etag" ]] || fail "GET $base/feeds/all.rss answered $status, ETag '$etag'"
status=$(get "$base/feeds/all.rss" -H "If-None-Match: $etag")
[[ "$status" == 304 ]] || fail "GET $base/feeds/all.rss with If-None-Match: $etag answered $status, not 304"
done_step "all.rss again with If-None-Match: 304"

begin cdn
get "$url" >/dev/null
if [[ -z "$(header X-Cache)" && -z "$(header X-Azure-Ref)" ]]; then
  done_step "no CDN in front (no X-Cache header): skipped"
else
  hit=""
  for _ in 1 2 3 4 5; do
    get "$url" >/dev/null
    [[ "$(header X-Cache)" == *HIT* ]] && { hit="$(header X-Cache)"; break; }
    sleep 1
  done
  [[ -n "$hit" ]] || fail "five reads of $url after the first: X-Cache never a HIT (last: '$(header X-Cache)')"
  done_step "a second read of the image: X-Cache $hit"
fi

begin delete
az_ storage blob delete -c "$container" -n "$slug.md" || fail "az storage blob delete of $slug.md failed (above)"
az_ storage blob delete -c "$container" -n "$slug/probe.jpg" || fail "az storage blob delete of $slug/probe.jpg failed (above)"
uploaded=0
done_step "$slug.md and $slug/probe.jpg with az storage blob delete"

begin "out of the feeds"
wait_feeds absent
done_step "gone from RSS, Atom and JSON Feed"

say "passed: every step, $(since "$start") s in all"
