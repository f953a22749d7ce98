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
dotnet "$bench_dll" ingest "$@" | tee "$work/ingest.txt"
# "RESULT ingest subject=S reference=R articles/s" (and "GROUPED reference=G" with --grouped) as chart rows.
awk '/^RESULT ingest/ { split($3, s, "="); split($4, r, "=")
       printf "reconcile\tSyndication (ArticleIngestor)\t%s\nreconcile\tthe same rows and bodies, one SDK transaction each\t%s\n", s[2], r[2] }
     /^GROUPED/ { split($2, g, "="); printf "reconcile\tthe same writes through group commit\t%s\n", g[2] }' "$work/ingest.txt" |
  chart ingestion "Ingesting generated Markdown articles into Azurite: articles per second, higher is better" "articles/s" \
    "bench/ingest.sh $*, $(date -u '+%-d %b %Y'): ABBA order, means"
