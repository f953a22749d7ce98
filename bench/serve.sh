#!/usr/bin/env bash
# Serving: wrk against /api/feeds/all.rss (50 items, 2 images each) served by the local runner and by the Functions
# app under our Functions host (src/Syndication.FunctionsHost: host + worker process, gRPC invocation and HTTP proxy per
# request), vs. nginx serving the same bytes as a static file, all on 127.0.0.1 and one Azurite, identical wrk
# settings, alternating runs (runner, host, nginx, runner, host, nginx), for 200s and for 304s (If-None-Match with each
# server's own ETag). Prints requests/s, p99 and the ratios. SERVERS="runner nginx" leaves the host out; "partner"
# adds the same feed as a partner pulls it from the runner (/api/partners/bench/feeds/all.rss, HTTP Basic, limit 50:
# the partner check's cost), e.g. SERVERS="runner partner"; "bearer" the same feed with an access token from
# POST /api/partners/token (issue 25), e.g. SERVERS="runner partner bearer". The chart is redrawn only with nginx.
# Settings by environment: THREADS (2), CONNECTIONS (50), DURATION (15s), ROUNDS (2), NGINX_WORKERS (auto).
source "$(dirname "$0")/lib.sh"
threads=${THREADS:-2} connections=${CONNECTIONS:-50} duration=${DURATION:-15s} rounds=${ROUNDS:-2} workers=${NGINX_WORKERS:-auto}

need_wrk_nginx
servers=${SERVERS:-runner host nginx}
build_release src/Syndication.LocalRunner src/Syndication.Functions src/Syndication.FunctionsHost
machine
start_azurite

# The runner, Release build, its own port, fresh storage (this Azurite is new and empty).
port=$(free_port)
export Syndication__WatchIntervalSeconds=1 Syndication__AdminKey="bench-admin-key" Syndication__Partners__TokenSeconds=3600
dotnet "$runner_dll" serve --urls "http://127.0.0.1:$port" >"$work/runner.log" 2>&1 &
runner_pid=$!
pids+=("$runner_pid")
wait_for "$port" 60 "the local runner"
feed="http://127.0.0.1:$port/api/feeds/all.rss"

# The Functions app under our host on the same storage; logging at Warning (the runner logs no request either).
hport=$(free_port)
if [[ " $servers " == *" host "* ]]; then
  Logging__LogLevel__Default=Warning FunctionsHost__BlobEventSeconds=0 FunctionsHost__Key=bench ReconcileSchedule="0 0 0 1 1 *" \
    dotnet "$root/src/Syndication.FunctionsHost/bin/Release/net10.0/Syndication.FunctionsHost.dll" \
    --script-root "$root/src/Syndication.Functions/bin/Release/net10.0" --port "$hport" >"$work/host.log" 2>&1 &
  host_pid=$!
  pids+=("$host_pid")
  wait_for "$hport" 60 "the Functions host"
fi
hosted="http://127.0.0.1:$hport/api/feeds/all.rss"

node "$root/bench/node/articles.mjs" "$work/articles" >/dev/null
dotnet "$runner_dll" publish "$work/articles" >/dev/null
items=0
for _ in $(seq 1 120); do
  items=$(curl -sf "$feed" | grep -c '<item>' || true)
  [ "$items" -ge 50 ] && break; sleep 1
done
[ "$items" -ge 50 ] || { echo "bench: the feed has $items items after 120 s, not 50" >&2; exit 1; }

# The exact bytes, for nginx; and the runner's ETag.
chmod 755 "$work"  # nginx workers run as www-data
mkdir -p "$work/www/api/feeds"
curl -sf -D "$work/runner.headers" -o "$work/www/api/feeds/all.rss" "$feed"
runner_etag=$(sed -n 's/^[Ee][Tt]ag: *//p' "$work/runner.headers" | tr -d '\r')
content_type=$(sed -n 's/^[Cc]ontent-[Tt]ype: *//p' "$work/runner.headers" | tr -d '\r')
echo "feed: $(wc -c <"$work/www/api/feeds/all.rss") bytes, $items items, $content_type, ETag $runner_etag"

start_nginx "location = /api/feeds/all.rss { types { } default_type \"$content_type\"; }"
static="http://127.0.0.1:$nport/api/feeds/all.rss"
curl -sf -D "$work/nginx.headers" -o "$work/nginx.rss" "$static"
cmp -s "$work/nginx.rss" "$work/www/api/feeds/all.rss" || { echo "bench: nginx does not serve the same bytes" >&2; exit 1; }
nginx_etag=$(sed -n 's/^[Ee][Tt]ag: *//p' "$work/nginx.headers" | tr -d '\r')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $runner_etag" "$feed")" = 304 ] || { echo "bench: the runner does not answer 304" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $nginx_etag" "$static")" = 304 ] || { echo "bench: nginx does not answer 304" >&2; exit 1; }
if [[ " $servers " == *" host "* ]]; then
  curl -sf -D "$work/host.headers" -o "$work/host.rss" "$hosted"
  host_etag=$(sed -n 's/^[Ee][Tt]ag: *//p' "$work/host.headers" | tr -d '\r')
  [ "$(grep -c '<item>' "$work/host.rss")" -ge 50 ] || { echo "bench: the host's feed has fewer than 50 items" >&2; exit 1; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $host_etag" "$hosted")" = 304 ] || { echo "bench: the host does not answer 304" >&2; exit 1; }
  echo "host: $(wc -c <"$work/host.rss") bytes, ETag $host_etag"
fi
if [[ " $servers " == *" partner "* || " $servers " == *" bearer "* ]]; then
  password=$(curl -sf -X POST -H 'x-functions-key: bench-admin-key' -d '{"id":"bench","feeds":["all"],"limit":50}' \
    "http://127.0.0.1:$port/api/manage/partners" | sed -n 's/.*"password": *"\([^"]*\)".*/\1/p')
  [ -n "$password" ] || { echo "bench: could not create the partner" >&2; exit 1; }
  partner_feed="http://127.0.0.1:$port/api/partners/bench/feeds/all.rss"
  partner_auth="Authorization: Basic $(printf 'bench:%s' "$password" | base64 -w0)"
  curl -sf -D "$work/partner.headers" -o "$work/partner.rss" -H "$partner_auth" "$partner_feed"
  partner_etag=$(sed -n 's/^[Ee][Tt]ag: *//p' "$work/partner.headers" | tr -d '\r')
  [ "$(grep -c '<item>' "$work/partner.rss")" -ge 50 ] || { echo "bench: the partner's feed has fewer than 50 items" >&2; exit 1; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$partner_auth" -H "If-None-Match: $partner_etag" "$partner_feed")" = 304 ] ||
    { echo "bench: the partner feed does not answer 304" >&2; exit 1; }
  echo "partner: $(wc -c <"$work/partner.rss") bytes, ETag $partner_etag"
  token=$(curl -sf -u "bench:$password" -d grant_type=client_credentials "http://127.0.0.1:$port/api/partners/token" |
    sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || { echo "bench: no access token for the partner" >&2; exit 1; }
  bearer_auth="Authorization: Bearer $token"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$bearer_auth" -H "If-None-Match: $partner_etag" "$partner_feed")" = 304 ] ||
    { echo "bench: the partner feed does not answer 304 to the access token" >&2; exit 1; }
  echo "bearer: an access token of ${#token} characters, the partner's ETag"
fi
echo "nginx: worker_processes $workers, ETag $nginx_etag; wrk -t$threads -c$connections -d$duration --latency, $rounds rounds"

declare -A rps p99
for kind in 200 304; do
  for round in $(seq 1 "$rounds"); do
    for target in $servers; do
      auth=()
      case $target in runner) url=$feed etag=$runner_etag ;; host) url=$hosted etag=$host_etag ;;
        partner) url=$partner_feed etag=$partner_etag auth=("$partner_auth") ;;
        bearer) url=$partner_feed etag=$partner_etag auth=("$bearer_auth") ;; *) url=$static etag=$nginx_etag ;; esac
      if [ "$kind" = 200 ]; then read -r r p b < <(measure "$url" "${auth[@]}"); else read -r r p b < <(measure "$url" "${auth[@]}" "If-None-Match: $etag"); fi
      printf '  %s %s round %s: %10.0f req/s  p99 %7.2f ms  non-2xx/3xx %s  (load %s)\n' "$kind" "$target" "$round" "$r" "$p" "$b" "$(cut -d' ' -f1 /proc/loadavg)"
      rps[$kind,$target]="${rps[$kind,$target]:-} $r"; p99[$kind,$target]="${p99[$kind,$target]:-} $p"
    done
  done
done
echo "runner RSS after the runs: $(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' /proc/$runner_pid/status)"
for kind in 200 304; do
  r=$(mean "${rps[$kind,runner]}")
  if [[ " $servers " == *" partner "* ]]; then
    a=$(mean "${rps[$kind,partner]}")
    echo "RESULT serve-$kind-partner partner=$a runner=$r req/s partner/runner=$(awk -v a="$a" -v b="$r" 'BEGIN {printf "%.3f", a/b}') p99 partner=$(mean "${p99[$kind,partner]}") runner=$(mean "${p99[$kind,runner]}") ms load=$(cut -d' ' -f1-3 /proc/loadavg)"
  fi
  if [[ " $servers " == *" bearer "* ]]; then
    t=$(mean "${rps[$kind,bearer]}")
    echo "RESULT serve-$kind-bearer bearer=$t runner=$r req/s bearer/runner=$(awk -v a="$t" -v b="$r" 'BEGIN {printf "%.3f", a/b}') p99 bearer=$(mean "${p99[$kind,bearer]}") runner=$(mean "${p99[$kind,runner]}") ms load=$(cut -d' ' -f1-3 /proc/loadavg)"
  fi
  [[ " $servers " == *" nginx "* ]] || continue
  n=$(mean "${rps[$kind,nginx]}")
  echo "RESULT serve-$kind runner=$r nginx=$n req/s ratio=$(awk -v a="$r" -v b="$n" 'BEGIN {printf "%.2f", a/b}') p99 runner=$(mean "${p99[$kind,runner]}") nginx=$(mean "${p99[$kind,nginx]}") ms load=$(cut -d' ' -f1-3 /proc/loadavg)"
  if [[ " $servers " == *" host "* ]]; then
    h=$(mean "${rps[$kind,host]}")
    echo "RESULT serve-$kind-host host=$h nginx=$n runner=$r req/s host/nginx=$(awk -v a="$h" -v b="$n" 'BEGIN {printf "%.2f", a/b}') host/runner=$(awk -v a="$h" -v b="$r" 'BEGIN {printf "%.2f", a/b}') p99 host=$(mean "${p99[$kind,host]}") ms"
  fi
done
[[ " $servers " == *" nginx "* ]] || exit 0  # the chart compares with nginx; a partner-only run leaves it as it is
size_kb=$(( $(wc -c <"$work/www/api/feeds/all.rss") / 1000 ))
for kind in 200 304; do
  for target in $servers; do
    case $target in runner) name="local runner" ;; host) name="Functions host" ;; *) name="nginx (static file)" ;; esac
    [ "$kind" = 200 ] && group="200 ($size_kb KB)" || group="304 (If-None-Match)"
    printf '%s\t%s\t%s\n' "$group" "$name" "$(mean "${rps[$kind,$target]}")"
  done
done | chart serving "Serving /api/feeds/all.rss (50 items): requests per second, higher is better" "requests/s" \
  "bench/serve.sh, $(date -u '+%-d %b %Y'): wrk -t$threads -c$connections -d$duration, $rounds rounds, means"
