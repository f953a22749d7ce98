#!/usr/bin/env bash
# Images: wrk against one article image as the feeds link it (/api/images/{slug}/{file}?v=…: one blob read, streamed),
# its 304 (If-None-Match), a 206 range of its first KiB (the blob's properties, then the ranged read), and nginx serving
# the same bytes as a static file (the reference), all on 127.0.0.1 and one Azurite, alternating runs. Prints
# requests/s, p99 and the ratios. Settings by environment: THREADS (2), CONNECTIONS (50), DURATION (15s), ROUNDS (2), NGINX_WORKERS (auto).
source "$(dirname "$0")/lib.sh"
threads=${THREADS:-2} connections=${CONNECTIONS:-50} duration=${DURATION:-15s} rounds=${ROUNDS:-2} workers=${NGINX_WORKERS:-auto}

need_wrk_nginx
build_release src/Syndication.LocalRunner
machine
start_azurite

port=$(free_port)
export Syndication__WatchIntervalSeconds=1
dotnet "$runner_dll" serve --urls "http://127.0.0.1:$port" >"$work/runner.log" 2>&1 &
pids+=($!)
wait_for "$port" 60 "the local runner"
node "$root/bench/node/articles.mjs" "$work/articles" >/dev/null
dotnet "$runner_dll" publish "$work/articles" >/dev/null
image=""
for _ in $(seq 1 120); do
  image=$(curl -sf "http://127.0.0.1:$port/api/feeds/all.rss" | { grep -o '<enclosure url="[^"]*?v=[^"]*"' || true; } | head -1 |
    sed 's/<enclosure url="//; s/"$//; s/&amp;/\&/g')
  [ -n "$image" ] && break; sleep 1
done
[ -n "$image" ] || { echo "bench: no enclosure with ?v= in the feed after 120 s" >&2; exit 1; }
plain=${image%%\?*}
etag=""
curl -sf -D "$work/image.headers" -o "$work/image.bin" "$image"
type=$(sed -n 's/^[Cc]ontent-[Tt]ype: *//p' "$work/image.headers" | tr -d '\r')
etag=$(sed -n 's/^[Ee][Tt]ag: *//p' "$work/image.headers" | tr -d '\r')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$image")" = 304 ] || { echo "bench: no 304 for the image's ETag" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Range: bytes=0-1023' "$image")" = 206 ] || { echo "bench: no 206 for a range" >&2; exit 1; }
echo "image: $plain, $(wc -c <"$work/image.bin") bytes, $type"

chmod 755 "$work"  # nginx workers run as www-data
path=${plain#http://127.0.0.1:$port}
mkdir -p "$work/www$(dirname "$path")"
cp "$work/image.bin" "$work/www$path"
start_nginx "location / { types { } default_type \"$type\"; }"
static="http://127.0.0.1:$nport$path"
cmp -s <(curl -sf "$static") "$work/image.bin" || { echo "bench: nginx does not serve the same bytes" >&2; exit 1; }
echo "wrk -t$threads -c$connections -d$duration --latency, $rounds rounds"

declare -A rps p99
targets="versioned notmodified range nginx"
for round in $(seq 1 "$rounds"); do
  for target in $targets; do
    case $target in
      versioned) read -r r p b < <(measure "$image") ;;
      notmodified) read -r r p b < <(measure "$image" "If-None-Match: $etag") ;;
      range) read -r r p b < <(measure "$image" "Range: bytes=0-1023") ;;
      nginx) read -r r p b < <(measure "$static") ;;
    esac
    printf '  %-9s round %s: %10.0f req/s  p99 %7.2f ms  non-2xx/3xx %s  (load %s)\n' "$target" "$round" "$r" "$p" "$b" "$(cut -d' ' -f1 /proc/loadavg)"
    rps[$target]="${rps[$target]:-} $r"; p99[$target]="${p99[$target]:-} $p"
  done
done
v=$(mean "${rps[versioned]}") u=$(mean "${rps[notmodified]}") g=$(mean "${rps[range]}") n=$(mean "${rps[nginx]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
echo "RESULT images 200=$v 304=$u 206=$g nginx=$n req/s 200/nginx=$(ratio "$v" "$n") 206/200=$(ratio "$g" "$v") 304/200=$(ratio "$u" "$v") p99 200=$(mean "${p99[versioned]}") 304=$(mean "${p99[notmodified]}") 206=$(mean "${p99[range]}") nginx=$(mean "${p99[nginx]}") ms load=$(cut -d' ' -f1-3 /proc/loadavg)"
