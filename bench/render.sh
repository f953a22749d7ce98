#!/usr/bin/env bash
# Rendering: BenchmarkDotNet (RenderBenchmarks: 50 items, each format, memory per render) between two runs of the
# npm `feed` reference on the same items (bench/node/render.mjs); prints each format's time, the speed-up over the
# reference (goal >= 5x) and bytes allocated per output byte (goal <= 2). Extra arguments go to BenchmarkDotNet.
source "$(dirname "$0")/lib.sh"
[ -d "$root/node_modules/feed" ] || (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
build_release bench/Syndication.Benchmarks
machine
node "$root/bench/node/render.mjs" | tee "$work/node-1.jsonl"
(cd "$root/bench/Syndication.Benchmarks" && dotnet "$bench_dll" --filter '*RenderBenchmarks*' --exporters json --artifacts "$work/bdn" "$@")
node "$root/bench/node/render.mjs" | tee "$work/node-2.jsonl"
dotnet "$bench_dll" sizes >"$work/sizes.jsonl"
node "$root/bench/node/compare.mjs" "$work"/bdn/results/*RenderBenchmarks*-report-full-compressed.json "$work/sizes.jsonl" "$work/node-1.jsonl" "$work/node-2.jsonl"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
