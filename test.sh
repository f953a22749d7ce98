#!/usr/bin/env bash
# Runs every test of every test project: tests/Syndication.UnitTests (nothing running) and
# tests/Syndication.IntegrationTests, which start their own Azurite (the npm package pinned in package.json) on free
# ports, in memory, and stop it when they finish. --unit runs the unit tests alone, without the npm packages. Other
# arguments go to dotnet test (--filter ..., -c Release). Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

target=Syndication.sln
args=()
for arg in "$@"; do
  if [ "$arg" = --unit ]; then target=tests/Syndication.UnitTests; else args+=("$arg"); fi
done

if [ "$target" = Syndication.sln ] && [ ! -f node_modules/azurite/dist/src/azurite.js ]; then
  npm ci --no-audit --no-fund --loglevel=error || exit 1
fi

mkdir -p .run
log=.run/test.log
dotnet test "$target" --nologo "${args[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-project summaries ("Passed!  - Failed: 0, Passed: 69, Skipped: 0, Total: 69").
read -r passed failed skipped < <(
  sed -nE 's/.*(Passed|Failed)! +- +Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\3 \2 \4/p' "$log" |
    awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
projects=$(grep -cE '(Passed|Failed)! +- +Failed:' "$log")
if [ "$projects" -eq 0 ] && [ "$status" -eq 0 ]; then status=1; fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "test.sh: dotnet test exited with $status" >&2; fi
if [ "$skipped" -gt 0 ]; then
  # Only the conformance tests skip, outside CI, when a validator is missing (docs/development.md#tests): say which.
  missing=()
  /usr/bin/python3 -c 'import feedparser' 2>/dev/null || missing+=(python3-feedparser)
  command -v jing >/dev/null || missing+=(jing)
  [ ${#missing[@]} -eq 0 ] || echo "test.sh: skipped the tests that need ${missing[*]}: apt-get install ${missing[*]} (docs/development.md#tests)"
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
