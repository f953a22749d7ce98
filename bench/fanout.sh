#!/usr/bin/env bash
# Fediverse fan-out (issue 26): one publish to FOLLOWERS followers (1000) on SERVERS shared inboxes (100), stub inboxes
# on 127.0.0.1, fresh Azurite, the library's ingestor and the local runner's DeliveryPump in one process (Release).
# Prints RESULT lines: requests made (goal: one per shared inbox), time until every inbox had it (goal: <= 10 s), how
# long the publish took, and the storage requests by service; the reference in the same run is one follower, one inbox.
source "$(dirname "$0")/lib.sh"
build_release bench/Syndication.Benchmarks
machine
start_azurite
dotnet "$root/bench/Syndication.Benchmarks/bin/Release/net10.0/Syndication.Benchmarks.dll" fanout \
  --followers "${FOLLOWERS:-1000}" --servers "${SERVERS:-100}"
