#!/usr/bin/env bash
# Ingestion throughput: 10,000 generated Markdown articles through ArticleIngestor.ReconcileAsync vs. the same rows
# and bodies written straight to Azurite (ABBA order, same parallelism). Extra arguments go to the harness
# (--count N, --parallelism N, --rounds N, --probe: also the reference plus one document download per article).
# Prints "RESULT ingest ... ratio=...".
source "$(dirname "$0")/lib.sh"
build_release bench/Syndication.Benchmarks
machine
start_azurite
dotnet "$bench_dll" ingest "$@"
