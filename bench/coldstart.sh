#!/usr/bin/env bash
# Cold start: from process start to the first 200 of /api/feeds/all.rss (the 4 samples published), for the Functions
# app under our Functions host (host process + worker process) and, as the reference in the same run, the local runner.
# Each is started RUNS times (default 10) on one Azurite, alternating; prints each time and the medians.
# The host and the app run from their `dotnet publish` output (ReadyToRun, as deployed); BUILD=build runs them from
# the Release build output instead (JIT only). The runner runs from its Release build, as ./run.sh starts it.
source "$(dirname "$0")/lib.sh"
runs=${RUNS:-10}
build_release src/Syndication.LocalRunner src/Syndication.Functions src/Syndication.FunctionsHost
machine
start_azurite
dotnet "$runner_dll" publish "$root/samples/articles" >/dev/null
host_dll="$root/src/Syndication.FunctionsHost/bin/Release/net10.0/Syndication.FunctionsHost.dll"
script_root="$root/src/Syndication.Functions/bin/Release/net10.0"
if [ "${BUILD:-publish}" = publish ]; then
  dotnet publish "$root/src/Syndication.FunctionsHost" -c Release --nologo -v quiet -o "$work/host" >&2
  dotnet publish "$root/src/Syndication.Functions" -c Release --nologo -v quiet -o "$work/app" >&2
  host_dll="$work/host/Syndication.FunctionsHost.dll" script_root="$work/app"
fi
echo "host: $host_dll; app: $script_root"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Starts a server command, returns ms until the first 200 of all.rss on its port, then stops it.
cold() { # port command...
  local port=$1; shift
  local t0 t1 pid
  t0=$(now_ms)
  "$@" >"$work/cold.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "http://127.0.0.1:$port/api/feeds/all.rss")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "bench: the server exited; log:" >&2; cat "$work/cold.log" >&2; return 1; }
    sleep 0.005
  done
  t1=$(now_ms)
  stop_processes "$pid"
  echo $((t1 - t0))
}
median() { tr ' ' '\n' <<<"$1" | awk 'NF' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

export Syndication__WatchIntervalSeconds=60 FunctionsHost__BlobEventSeconds=0 FunctionsHost__Key=bench ReconcileSchedule="0 0 0 1 1 *"
host_times="" runner_times=""
for i in $(seq 1 "$runs"); do
  port=$(free_port)
  h=$(cold "$port" dotnet "$host_dll" --script-root "$script_root" --port "$port")
  port=$(free_port)
  r=$(cold "$port" dotnet "$runner_dll" serve --urls "http://127.0.0.1:$port")
  printf '  run %2d: host %5d ms  runner %5d ms  (load %s)\n' "$i" "$h" "$r" "$(cut -d' ' -f1 /proc/loadavg)"
  host_times="$host_times $h" runner_times="$runner_times $r"
done
echo "RESULT coldstart host=$(median "$host_times") runner=$(median "$runner_times") ms (median of $runs) build=${BUILD:-publish} load=$(cut -d' ' -f1-3 /proc/loadavg)"
[ "${BUILD:-publish}" = publish ] && build="dotnet publish (ReadyToRun)" || build="Release build (JIT)"
printf '%s\tFunctions app under our host\t%s\n%s\tlocal runner\t%s\n' "$build" "$(median "$host_times")" "$build" "$(median "$runner_times")" |
  GOAL=600 chart coldstart "Cold start: process start to the first 200 of all.rss, milliseconds, lower is better" "ms" \
    "bench/coldstart.sh, $(date -u '+%-d %b %Y'): median of $runs starts each, alternating"
