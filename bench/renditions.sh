#!/usr/bin/env bash
# Renditions: every rendition (thumbnail, promo, square; JPEG and WebP) of a 12-megapixel JPEG made in memory.
# First the wall time of a few runs and the process's peak working set gained (Process.PeakWorkingSet64, a fresh
# process), then BenchmarkDotNet with its MemoryDiagnoser. Goals: <= 400 ms and <= 150 MB peak. Extra arguments go
# to BenchmarkDotNet (in process: on a loaded machine its generated project does not build within its 2-minute timeout).
source "$(dirname "$0")/lib.sh"
build_release bench/Syndication.Benchmarks
machine
dotnet "$bench_dll" renditions 5
(cd "$root/bench/Syndication.Benchmarks" && dotnet "$bench_dll" --filter '*RenditionBenchmarks*' --inProcess --artifacts "$work/bdn" "$@")
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
