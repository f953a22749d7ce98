#!/usr/bin/env bash
# Publishes article documents (with the images in the folder named after each slug) through the `syndication`
# command (src/Syndication.Cli; `dotnet syndication publish` after `dotnet tool restore` is the same), to the storage in
# AzureWebJobsStorage (Azurite by default), or removes them: ./publish.sh --remove SLUG...
# Its options pass through: --dry-run (with --remove: names the blobs, removes nothing), --account-name NAME,
# --connection-string STRING, --json, --parallel N (publish only). An unknown option stops it with exit 2, changing nothing.
set -euo pipefail
repo="$(cd "$(dirname "$0")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ $# -gt 0 ] || { echo "usage: ./publish.sh FILE-OR-FOLDER... | ./publish.sh --remove SLUG..." >&2; exit 2; }
verb=publish
if [ "$1" = "--remove" ]; then verb=unpublish; shift; fi
cli=$repo/src/Syndication.Cli/bin/Release/net10.0/Syndication.Cli.dll
if [ ! -f "$cli" ] || [ -n "$(find "$repo/src/Syndication" "$repo/src/Syndication.Cli" -type f -newer "$cli" \
    -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
  dotnet build "$repo/src/Syndication.Cli" -c Release --nologo -v quiet -clp:ErrorsOnly >&2
fi
exec dotnet "$cli" "$verb" "$@"
