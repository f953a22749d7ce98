#!/usr/bin/env bash
# Publishes article documents (with the images in the folder named after each slug) to the articles container of
# the storage account in AzureWebJobsStorage (Azurite by default), or removes them: ./publish.sh --remove SLUG...
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ $# -gt 0 ] || { echo "usage: ./publish.sh FILE-OR-FOLDER... | ./publish.sh --remove SLUG..." >&2; exit 2; }
verb=publish
if [ "$1" = "--remove" ]; then verb=unpublish; shift; fi
paths=()
for p in "$@"; do [ "$verb" = publish ] && paths+=("$(realpath "$p")") || paths+=("$p"); done
runner=src/Syndication.LocalRunner/bin/Release/net10.0/Syndication.LocalRunner.dll
[ -f "$runner" ] || dotnet build src/Syndication.LocalRunner -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet "$runner" "$verb" "${paths[@]}"
