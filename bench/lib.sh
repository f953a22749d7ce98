# Shared by the bench scripts (sourced): free ports, Azurite in memory, a Release build, and a cleanup that stops
# every process the script started (by pid) on any exit. Traffic stays on 127.0.0.1.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d /tmp/syndication-bench.XXXXXX)
pids=()
source "$root/scripts/processes.sh"

cleanup() {
  trap - EXIT INT TERM
  stop_processes "${pids[@]}"
  [ "${KEEP_WORK:-0}" = 1 ] && echo "bench: kept $work" || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() { # port seconds what
  for _ in $(seq 1 $(($2 * 10))); do listening "$1" && return 0; sleep 0.1; done
  echo "bench: $3 did not start listening on port $1" >&2; return 1
}

# Azurite in memory on three free loopback ports; exports AzureWebJobsStorage and azurite_pid.
start_azurite() {
  [ -f "$root/node_modules/azurite/dist/src/azurite.js" ] || (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  local blob queue table
  blob=$(free_port); queue=$(free_port); table=$(free_port)
  node "$root/node_modules/azurite/dist/src/azurite.js" --silent --skipApiVersionCheck --disableTelemetry --inMemoryPersistence --loose \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" >"$work/azurite.log" 2>&1 &
  azurite_pid=$!
  pids+=("$azurite_pid")
  for port in "$blob" "$queue" "$table"; do wait_for "$port" 30 Azurite; done
  export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
}

build_release() { # project...
  for project in "$@"; do dotnet build "$root/$project" -c Release --nologo -v quiet -clp:ErrorsOnly >&2; done
}
runner_dll="$root/src/Syndication.LocalRunner/bin/Release/net10.0/Syndication.LocalRunner.dll"
bench_dll="$root/bench/Syndication.Benchmarks/bin/Release/net10.0/Syndication.Benchmarks.dll"

machine() {
  echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Writes this run's figures to docs/charts/NAME.tsv (a title, unit and note, then the "group TAB series TAB value"
# lines read from stdin; GOAL=N adds a goal line) and draws NAME.svg beside it with the harness's `chart` command (ScottPlot), the chart
# docs/benchmarks.md shows. Commit both with the table's new figures.
chart() { # name title unit note
  local tsv="$root/docs/charts/$1.tsv"
  { printf '# title: %s\n# unit: %s\n# note: %s\n' "$2" "$3" "$4"; [ -z "${GOAL:-}" ] || echo "# goal: $GOAL"; cat; } >"$tsv"
  [ -f "$bench_dll" ] || build_release bench/Syndication.Benchmarks
  dotnet "$bench_dll" chart "$tsv"
}

# One wrk run with the caller's threads, connections and duration: prints "rps p99-ms non2xx3xx-count"
measure() { # url [header...]
  local out url=$1 headers=()
  shift
  for h in "$@"; do headers+=(-H "$h"); done
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "${headers[@]}" "$url")
  local rps p99 bad
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; print v}' <<<"$out")
  bad=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out"); bad=${bad:-0}
  errors=$(awk '/Socket errors:/ {print}' <<<"$out")
  [ -z "$errors" ] || echo "  ($errors)" >&2
  echo "$rps $p99 $bad"
}

# The mean of a list of numbers separated by spaces.
mean() { tr ' ' '\n' <<<"$1" | awk 'NF {s+=$1; n++} END {printf "%.1f", s/n}'; }

# wrk and nginx, installed with apt-get when missing.
need_wrk_nginx() {
  command -v wrk >/dev/null && command -v nginx >/dev/null && return 0
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk nginx) >"$work/apt.log" 2>&1 ||
    { echo "bench: could not install wrk and nginx (see apt-get)" >&2; exit 1; }
}

# nginx serving $work/www (static files, the reference) on a free port, with the server's location block given and
# $workers worker processes; sets nport.
start_nginx() { # location-block
  nport=$(free_port)
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<CONF
worker_processes $workers;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  etag on;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nport;
    root $work/www;
    $1
  }
}
CONF
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
  pids+=($!)
  wait_for "$nport" 10 nginx
}
