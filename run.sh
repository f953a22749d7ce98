#!/usr/bin/env bash
# Runs Syndication locally: Azurite on its default ports (reused when one is already listening), the local runner
# on http://127.0.0.1:7071 (the same routes as `func start`), the sample articles published, the feed URLs printed.
# ./run.sh --functions runs the Functions app itself instead, under our Functions host (src/Syndication.FunctionsHost),
# as `func start` would. ./run.sh --port N starts one more instance on port N against the Azurite already running
# (no samples published), as a scaled-out app runs. Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() { # port seconds what
  for _ in $(seq 1 $(($2 * 10))); do listening "$1" && return 0; sleep 0.1; done
  echo "run.sh: $3 did not start listening on port $1" >&2; return 1
}

functions=0
port=7071
another=0
for arg in "$@"; do
  if [ "$another" = next ]; then port=$arg; another=1; continue; fi
  case $arg in
    --functions) functions=1 ;;
    --port) another=next ;;
    *) echo "usage: ./run.sh [--functions] [--port N]" >&2; exit 2 ;;
  esac
done
[ "$another" != next ] || port=
case $port in ''|*[!0-9]*) echo "usage: ./run.sh [--functions] [--port N]" >&2; exit 2 ;; esac

[ -f node_modules/azurite/dist/src/azurite.js ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build src/Syndication.LocalRunner -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet build src/Syndication.Cli -c Release --nologo -v quiet -clp:ErrorsOnly
runner=src/Syndication.LocalRunner/bin/Release/net10.0/Syndication.LocalRunner.dll
if [ "$functions" = 1 ]; then
  dotnet build src/Syndication.Functions -c Release --nologo -v quiet -clp:ErrorsOnly
  dotnet build src/Syndication.FunctionsHost -c Release --nologo -v quiet -clp:ErrorsOnly
fi

source scripts/processes.sh
pids=()
stop() {
  trap - EXIT INT TERM
  stop_processes "${pids[@]}"
  echo "run.sh: stopped"
}
trap stop EXIT
trap 'exit 130' INT TERM

if [ "$another" = 1 ] && ! { listening 10000 && listening 10001 && listening 10002; }; then
  echo "run.sh: --port starts another instance on the running Azurite; start one first with ./run.sh" >&2; exit 1
elif listening 10000 && listening 10001 && listening 10002; then
  echo "run.sh: reusing the Azurite already listening on 10000-10002"
else
  mkdir -p .azurite
  node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --disableTelemetry --location .azurite \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
  pids+=($!)
  for azurite_port in 10000 10001 10002; do wait_for "$azurite_port" 30 Azurite; done
  echo "run.sh: Azurite started (data in .azurite/)"
fi

# The key for the manage endpoints (publish, remove, rejections, partners): yours if set, else a fresh one for this run.
export Syndication__AdminKey="${Syndication__AdminKey:-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')}"
# The deletion webhook's own key (it opens only events/blob-deleted; the admin key opens it too).
export Syndication__WebhookKey="${Syndication__WebhookKey:-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')}"

# The fediverse actor may fetch keys from and deliver to peers on this machine (never set in Azure); its key is made
# once and kept in Azurite's table.
export Syndication__Fediverse__AllowLoopback="${Syndication__Fediverse__AllowLoopback:-true}"
handle="${Syndication__Fediverse__Handle:-news}"

if listening "$port"; then echo "run.sh: port $port is taken (func start or another runner?)" >&2; exit 1; fi
if [ "$functions" = 1 ]; then
  # The built Functions app (its local.settings.json included) as the worker of our host; the admin key is its master
  # key, the webhook key HandleBlobDeleted's own function key, as the postdeploy hook makes them in Azure.
  FunctionsHost__Key="$Syndication__AdminKey" FunctionsHost__FunctionKeys__HandleBlobDeleted__eventgrid="$Syndication__WebhookKey" dotnet src/Syndication.FunctionsHost/bin/Release/net10.0/Syndication.FunctionsHost.dll \
    --script-root src/Syndication.Functions/bin/Release/net10.0 --port "$port" &
  pids+=($!)
  wait_for "$port" 60 "the Functions host"
else
  dotnet "$runner" serve --urls "http://127.0.0.1:$port" &
  pids+=($!)
  wait_for "$port" 60 "the local runner"
fi

[ "$another" = 1 ] || ./publish.sh samples/articles
base=http://127.0.0.1:$port/api
cat <<TXT

Syndication is running (Ctrl-C stops it):
  home page   $base/
  RSS 2.0     $base/feeds/all.rss
  Atom 1.0    $base/feeds/all.atom
  JSON Feed   $base/feeds/all.json
  all feeds   $base/feeds.opml
  an article  $base/articles/000_11b3e0eb4ad0bcf4
  rejections  curl -H 'x-functions-key: $Syndication__AdminKey' $base/manage/rejections
  webhook key $Syndication__WebhookKey (events/blob-deleted only)
  fediverse   @$handle@127.0.0.1:$port  (actor $base/fediverse/actor, WebFinger http://127.0.0.1:$port/.well-known/webfinger?resource=acct:$handle@127.0.0.1:$port; docs/fediverse.md)

Publish more with ./publish.sh FILE-OR-FOLDER (remove with ./publish.sh --remove SLUG), or with
dotnet syndication publish|unpublish|check|rejections|feeds after dotnet tool restore; changes show in the feeds
within seconds.
TXT
[ "$another" = 0 ] || echo "Another instance on the same storage: give every instance the same Syndication__PublicBaseUrl so they serve the same bytes."
wait "${pids[@]}"
