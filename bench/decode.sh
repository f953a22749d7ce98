#!/usr/bin/env bash
# Bounded decoding (issue 22, item 8): the peak working set (VmHWM) of a process that ingests 8 articles at once, each
# with a 6000x4000 PNG, against Azurite. Three fresh processes in one run: the code before bounded decoding (the parent
# of the commit that added DecodeGate.cs; BEFORE=<rev> picks another revision, whose bench project gets this tree's
# harness), this tree with Syndication__MaxConcurrentDecodes=20
# (banded decoding alone), and this tree's defaults (banded decoding, at most 2 decodes at once). Goal: <= 900 MB.
# Extra arguments go to the harness (--count N). Prints one "RESULT decode ..." line per process.
source "$(dirname "$0")/lib.sh"
before_rev=${BEFORE:-$(git -C "$root" log --diff-filter=A --format=%H -- src/Syndication/Images/DecodeGate.cs | tail -1)^}
build_release bench/Syndication.Benchmarks
mkdir -p "$work/before"
git -C "$root" archive "$before_rev" | tar -x -C "$work/before"
cp "$root/bench/Syndication.Benchmarks/Program.cs" "$root/bench/Syndication.Benchmarks/DecodeHarness.cs" "$work/before/bench/Syndication.Benchmarks/"
dotnet build "$work/before/bench/Syndication.Benchmarks" -c Release --nologo -v quiet -clp:ErrorsOnly >&2
before_dll="$work/before/bench/Syndication.Benchmarks/bin/Release/net10.0/Syndication.Benchmarks.dll"
machine
start_azurite
dotnet "$bench_dll" decode-image "$work/large.png"
dotnet "$before_dll" decode "$work/large.png" --label "before($before_rev)" "$@"
Syndication__MaxConcurrentDecodes=20 dotnet "$bench_dll" decode "$work/large.png" --label "banded,20-at-once" "$@"
dotnet "$bench_dll" decode "$work/large.png" --label "banded,2-at-once(defaults)" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
