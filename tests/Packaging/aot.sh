#!/usr/bin/env bash
# Native AOT check of consumer (a), from packages only: publishes AotConsumer (TranscriptKit.Subclip alone, no sandbox) with
# PublishAot, fails on any trim/AOT warning (TreatWarningsAsErrors, and the log is checked for IL warnings too), then
# runs the native binary against the packaged sandbox that FacadeConsumer serves. Run after tests/Packaging/run.sh,
# which packs artifacts/packages and writes artifacts/packaging-nuget.config. Needs clang (Native AOT links with it).
# Usage: tests/Packaging/aot.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
config="$root/artifacts/packaging-nuget.config"
[ -f "$config" ] || { echo "run tests/Packaging/run.sh first: it packs the packages this check publishes from" >&2; exit 2; }
version=$(dotnet msbuild "$root/src/TranscriptKit.Core/TranscriptKit.Core.csproj" -getProperty:Version -nologo)
export NUGET_PACKAGES="$root/artifacts/nuget-cache"
aot="$root/tests/Packaging/AotConsumer"
out="$root/artifacts/aot"
log="$root/artifacts/aot-publish.log"
dotnet publish "$aot/AotConsumer.csproj" -r linux-x64 -c Release -o "$out" --configfile "$config" -p:TranscriptKitVersion="$version" -nologo > "$log" 2>&1 \
  || { cat "$log"; exit 1; }
warnings=$(grep -cE "warning (IL[0-9]+|CS[0-9]+)" "$log" || true)
[ "$warnings" -eq 0 ] || { grep -E "warning (IL|CS)" "$log" | sort -u; echo "Native AOT publish: $warnings warnings" >&2; exit 1; }

# The sandbox is ASP.NET Core on the JIT: FacadeConsumer serves it; its first line is "<subclip endpoint> <api key>".
facade="$root/tests/Packaging/FacadeConsumer"
coproc SERVE { exec dotnet "$facade/bin/Debug/net10.0/FacadeConsumer.dll" serve; }
trap 'kill "$SERVE_PID" 2>/dev/null || true' EXIT
read -r -t 60 endpoint key <&"${SERVE[0]}"
output=$("$out/AotConsumer" "$endpoint" "$key")
expected='aot subclip job=True text=True'
[ "$output" == "$expected" ] || { echo "AOT consumer printed: $output" >&2; exit 1; }
echo "ok: consumer (a) published with Native AOT from packages, 0 trim/AOT warnings, $(du -h "$out/AotConsumer" | cut -f1) native binary, transcribed through Subclip"
