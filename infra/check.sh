#!/usr/bin/env bash
# Builds and lints every Bicep file under infra/ with a pinned Bicep CLI taken
# from the configured NuGet source (no other network access needed).
# Fails on any error or warning. Usage: bash infra/check.sh (from any cwd).
set -euo pipefail

BICEP_VERSION="${BICEP_VERSION:-0.49.2}"
PACKAGE_ID="Azure.Bicep.CommandLine.linux-x64"
INFRA_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/syndication-bicep/$BICEP_VERSION"
BICEP="$CACHE_DIR/bicep"

log() { printf 'check.sh: %s\n' "$*" >&2; }

# First enabled source from `dotnet nuget list source` (the line after "[Enabled]").
nuget_source() {
  dotnet nuget list source 2>/dev/null \
    | awk '/\[Enabled\]/ { getline; gsub(/^[ \t]+|[ \t]+$/, ""); print; exit }'
}

# Path 1: the v3 flat container of the configured source, via curl + unzip.
fetch_with_curl() {
  local index="$1" base id lower tmp
  command -v curl >/dev/null && command -v unzip >/dev/null || return 1
  base="$(curl -fsSL "$index" \
    | tr -d '\n' | grep -o '"@id" *: *"[^"]*" *, *"@type" *: *"PackageBaseAddress/3.0.0"' \
    | sed -E 's/^"@id" *: *"([^"]*)".*/\1/' | head -n1)" || return 1
  [[ -n "$base" ]] || return 1
  id="$(printf '%s' "$PACKAGE_ID" | tr '[:upper:]' '[:lower:]')"
  lower="${base%/}/$id/$BICEP_VERSION/$id.$BICEP_VERSION.nupkg"
  tmp="$(mktemp -d)"
  curl -fsSL -o "$tmp/pkg.nupkg" "$lower" || { rm -rf "$tmp"; return 1; }
  unzip -q -o "$tmp/pkg.nupkg" 'tools/*' -d "$tmp/x" || { rm -rf "$tmp"; return 1; }
  install -m 0755 "$(find "$tmp/x/tools" -type f -name bicep | head -n1)" "$BICEP.part" && mv -f "$BICEP.part" "$BICEP"
  rm -rf "$tmp"
}

# Path 2: a throwaway restore with a PackageDownload item (dotnet handles sources).
fetch_with_restore() {
  local tmp found
  tmp="$(mktemp -d)"
  # A temp folder outside the repo: no Directory.*.props or global.json apply.
  cat >"$tmp/fetch.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net$(dotnet --version | cut -d. -f1).0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="$PACKAGE_ID" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
XML
  (cd "$tmp" && dotnet restore fetch.csproj --packages "$tmp/packages" -v quiet >&2) \
    || { rm -rf "$tmp"; return 1; }
  found="$(find "$tmp/packages" -type f -path '*/tools/*' -name bicep | head -n1)"
  [[ -n "$found" ]] || { rm -rf "$tmp"; return 1; }
  install -m 0755 "$found" "$BICEP.part" && mv -f "$BICEP.part" "$BICEP"
  rm -rf "$tmp"
}

if [[ ! -x "$BICEP" ]]; then
  mkdir -p "$CACHE_DIR"
  source_url="$(nuget_source || true)"
  log "installing $PACKAGE_ID $BICEP_VERSION from ${source_url:-<dotnet default source>}"
  if [[ "$source_url" == http*index.json ]] && fetch_with_curl "$source_url"; then
    log "downloaded from the flat container"
  elif fetch_with_restore; then
    log "downloaded with dotnet restore"
  else
    log "could not obtain the Bicep CLI"; exit 2
  fi
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 BICEP_TRACING_ENABLED=false
"$BICEP" --version >&2

files=()
while IFS= read -r f; do files+=("$f"); done \
  < <(find "$INFRA_DIR" -name '*.bicep' -not -path '*/node_modules/*' | sort)

out="$(mktemp)" rc=0
: >"$out.raw"
trap 'rm -f "$out" "$out.raw"' EXIT
for f in "${files[@]}"; do
  "$BICEP" build "$f" --stdout >/dev/null 2>>"$out.raw" || rc=1
  "$BICEP" lint "$f" >>"$out.raw" 2>&1 || rc=1
done
# A module's findings show up for each file that uses it: count each line once.
sort -u "$out.raw" >"$out"
errors="$(grep -c ') : Error ' "$out" || true)"
warnings="$(grep -c ') : Warning ' "$out" || true)"
if [[ "$rc" -ne 0 && "$errors" -eq 0 ]]; then errors=1; fi
sed "s|$INFRA_DIR/|  infra/|" "$out"

echo "bicep: ${#files[@]} files built, $errors errors, $warnings warnings"
[[ "$errors" -eq 0 && "$warnings" -eq 0 ]]
