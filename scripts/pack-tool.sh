#!/usr/bin/env bash
# Packs the `syndication` .NET tool (src/Syndication.Cli, the whole command) into artifacts/tools, for installing it
# anywhere: dotnet tool install --global --add-source artifacts/tools Syndication.Cli
# With "local", packs the repository's local tool instead (tools/Syndication.Cli.Local: builds and runs this checkout's
# command) into .config/tools, where `dotnet tool restore` finds it through nuget.config; commit the package then.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${1:-}" = local ]; then
  rm -f .config/tools/Syndication.Cli.Local.*.nupkg
  dotnet pack tools/Syndication.Cli.Local -c Release -o .config/tools --nologo -v quiet -clp:ErrorsOnly -p:ContinuousIntegrationBuild=true
  ls .config/tools/*.nupkg
else
  dotnet pack src/Syndication.Cli -c Release -o artifacts/tools --nologo -v quiet -clp:ErrorsOnly
  ls artifacts/tools/*.nupkg
  echo "install: dotnet tool install --global --add-source artifacts/tools Syndication.Cli"
fi
