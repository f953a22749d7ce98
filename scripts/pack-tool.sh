#!/usr/bin/env bash
# Packs the `syndication` .NET tool (src/Syndication.Cli, the whole command) into artifacts/tools,
# for installing it: in the clone `dotnet tool install --global Syndication.Cli` (nuget.config maps the package to
# artifacts/tools and, mapping sources, refuses --add-source); elsewhere add --add-source PATH-TO-CLONE/artifacts/tools.
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
  echo "install: dotnet tool install --global Syndication.Cli   (here; elsewhere add --add-source $PWD/artifacts/tools)"
fi
