#!/usr/bin/env bash
# Scale: the runner's /api/feeds/all.rss latency (cache miss and hit) with 1,000 and then 100,000 stored articles,
# beside the raw SDK query, and the runner's memory. The runner's container watcher is set to a day: it reconciles
# the whole container at start (empty then) and every interval after, which at 100,000 articles would dominate.
# Extra arguments go to the harness (--counts 1000,100000, --samples 100). Prints "RESULT scale ...".
source "$(dirname "$0")/lib.sh"
build_release src/Syndication.LocalRunner bench/Syndication.Benchmarks
machine
start_azurite
port=$(free_port)
export Syndication__WatchIntervalSeconds=86400 Syndication__VersionCheckSeconds=0.2
dotnet "$runner_dll" serve --urls "http://127.0.0.1:$port" >"$work/runner.log" 2>&1 &
runner_pid=$!
pids+=("$runner_pid")
wait_for "$port" 60 "the local runner"
dotnet "$bench_dll" scale --url "http://127.0.0.1:$port" --pid "$runner_pid" --azurite-pid "$azurite_pid" --version-check 0.2 "$@"
