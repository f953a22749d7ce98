#!/usr/bin/env bash
# Ingestion throughput: 10,000 generated Markdown articles through ArticleIngestor.ReconcileAsync vs. the same rows
# and bodies written straight to Azurite (ABBA order, same parallelism). Extra arguments go to the harness
# (--count N, --parallelism N (default 16, both sides), --rounds N, --probe: also the reference plus one document
# download per article, --grouped: also the reference through the store's group commit).
# Prints "RESULT ingest ... ratio=...".
source "$(dirname "$0")/lib.sh"
build_release bench/Syndication.Benchmarks
machine
start_azurite
dotnet "$bench_dll" ingest "$@"
