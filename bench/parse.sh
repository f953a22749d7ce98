#!/usr/bin/env bash
# Parsing: BenchmarkDotNet (ParseBenchmarks) on each document shape; goal: the sample text article under 1 ms.
# Extra arguments go to BenchmarkDotNet.
source "$(dirname "$0")/lib.sh"
build_release bench/Syndication.Benchmarks
machine
(cd "$root/bench/Syndication.Benchmarks" && dotnet "$bench_dll" --filter '*ParseBenchmarks*' --artifacts "$work/bdn" "$@")
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
