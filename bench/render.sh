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
node "$root/bench/node/compare.mjs" "$work"/bdn/results/*RenderBenchmarks*-report-full-compressed.json "$work/sizes.jsonl" "$work/node-1.jsonl" "$work/node-2.jsonl" |
  tee "$work/compare.txt"
# "RESULT render-rss[-warm] csharp=0.899 ms reference=5.420 ms ..." as chart rows.
awk '/^RESULT render-/ {
  name = $2; sub(/^render-/, "", name); warm = sub(/-warm$/, "", name)
  format = name == "rss" ? "RSS" : name == "atom" ? "Atom" : "JSON Feed"; group = format (warm ? ", after a publish" : ", cold")
  split($3, ours, "="); split($5, theirs, "=")
  printf "%s\tSyndication\t%s\n%s\tnpm feed 6.0.0\t%s\n", group, ours[2], group, theirs[2] }' "$work/compare.txt" |
  chart rendering "Rendering 50 items: milliseconds per feed, lower is better" "ms per render" \
    "bench/render.sh, $(date -u '+%-d %b %Y'): BenchmarkDotNet means; npm feed timed over 1,000 renders, twice"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
