#!/usr/bin/env bash
# Partner credential checks vs feed reads (issue 22): in one run against the local runner (Release build, fresh
# Azurite, samples/articles published as ./run.sh does, one partner "bench"), 200 partner guesses with random ids and
# made-up Basic credentials, 200 with the partner's id and wrong passwords, and 200 reads of /api/feeds/all.rss, each
# 8 at a time (one curl --parallel per batch of 200, keep-alive), alternating, ROUNDS times after a warm-up round.
# Prints wall times and guesses/reads per round, then RESULT lines with the medians; goal: guesses ≤ 3x reads.
# The client limit is raised (Partners__MaxFailures) so every guess is checked, as when guesses come from many
# addresses; LIMITED=1 keeps the default (10 failures per client, then 429s that cost no check).
# Settings by environment: REQUESTS (200), PARALLEL (8), ROUNDS (3), LIMITED (0).
source "$(dirname "$0")/lib.sh"
requests=${REQUESTS:-200} parallel=${PARALLEL:-8} rounds=${ROUNDS:-3}

build_release src/Syndication.LocalRunner >/dev/null 2>&1 || build_release src/Syndication.LocalRunner
machine
start_azurite
port=$(free_port)
export Syndication__WatchIntervalSeconds=1 Syndication__AdminKey="bench-admin-key"
[ "${LIMITED:-0}" = 1 ] || export Syndication__Partners__MaxFailures=100000000
dotnet "$runner_dll" serve --urls "http://127.0.0.1:$port" >"$work/runner.log" 2>&1 &
pids+=($!)
wait_for "$port" 60 "the local runner"
base="http://127.0.0.1:$port/api"

dotnet "$runner_dll" publish "$root/samples/articles" >/dev/null
documents=$(find "$root/samples/articles" -maxdepth 1 -type f | wc -l)
items=0
for _ in $(seq 1 120); do
  items=$(curl -sf "$base/feeds/all.rss" | grep -c '<item>' || true)
  [ "$items" -ge "$documents" ] && break; sleep 1
done
[ "$items" -ge "$documents" ] || { echo "bench: the feed has $items items after 120 s, not $documents" >&2; exit 1; }
curl -sf -X POST -H 'x-functions-key: bench-admin-key' -d '{"id":"bench","feeds":["all"]}' "$base/manage/partners" >/dev/null ||
  { echo "bench: could not create the partner" >&2; exit 1; }
echo "feed: $(curl -sf "$base/feeds/all.rss" | wc -c) bytes, $items items; $requests requests per batch, $parallel at a time, $rounds rounds; MaxFailures ${Syndication__Partners__MaxFailures:-10 (default)}"

# A curl config of $requests requests (one block each, separated by "next"); fresh random credentials every batch.
config() { # reads|unknown|wrong
  python3 - "$1" "$requests" "$base" <<'PY'
import base64, secrets, sys
kind, n, base = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for i in range(n):
    if i:
        print("next")
    if kind == "reads":
        print(f'url = "{base}/feeds/all.rss"')
    else:
        user = "p-" + secrets.token_hex(6) if kind == "unknown" else "bench"
        path = user if kind == "unknown" else "bench"
        basic = base64.b64encode(f"{user}:{secrets.token_urlsafe(24)}".encode()).decode()
        print(f'url = "{base}/partners/{path}/feeds/all.rss"')
        print(f'header = "Authorization: Basic {basic}"')
    print('output = "/dev/null"')
    print('write-out = "%{http_code}\\n"')
PY
}

# One batch: prints "seconds status-counts".
batch() { # kind
  config "$1" >"$work/$1.cfg"
  local start end
  start=$(date +%s.%N)
  curl -s -Z --parallel-max "$parallel" -K "$work/$1.cfg" >"$work/$1.codes" 2>"$work/$1.err" || { cat "$work/$1.err" >&2; return 1; }
  end=$(date +%s.%N)
  printf '%.3f %s\n' "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')" "$(sort "$work/$1.codes" | uniq -c | awk '{printf "%s×%s ", $1, $2}')"
}

declare -A times
for round in $(seq 0 "$rounds"); do
  if [ "$round" = 0 ]; then line="round 0 (warm-up):"; else line="round $round:"; fi
  for kind in reads unknown wrong; do
    read -r t codes < <(batch "$kind")
    line+=$(printf '  %s %6.3f s (%s)' "$kind" "$t" "${codes% }")
    [ "$round" = 0 ] || times[$kind]="${times[$kind]:-} $t"
  done
  echo "$line  load $(cut -d' ' -f1 /proc/loadavg)"
done
median() { tr ' ' '\n' <<<"$1" | awk 'NF' | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
r=$(median "${times[reads]}") u=$(median "${times[unknown]}") w=$(median "${times[wrong]}")
echo "RESULT partner-guesses unknown-id=${u}s wrong-password=${w}s reads=${r}s ($requests each, $parallel at a time, medians of $rounds)" \
  "unknown/reads=$(awk -v a="$u" -v b="$r" 'BEGIN {printf "%.2f", a/b}') wrong/reads=$(awk -v a="$w" -v b="$r" 'BEGIN {printf "%.2f", a/b}')" \
  "goal<=3 load=$(cut -d' ' -f1-3 /proc/loadavg)"
