#!/usr/bin/env bash
# Packs every library package and the sandbox into a local folder and builds and runs two consumers from that folder
# only (no project references). (b) GeneratorConsumer, a fictitious spec through the packaged generator:
# proves the package layout, the <TranscriptKitSpec> build/ pair, namespace metadata, that undeclared YAML is ignored
# and that the generated client works against a loopback server, also joined to the facade through the registry
# (the consumer exits non-zero otherwise). (a) FacadeConsumer:
# Subclip through Transcribers (the registry) against VendorSandbox.StartAsync(), the way the README tells users.
# Usage: tests/Packaging/run.sh   (from anywhere; writes artifacts/packages and artifacts/packaging-nuget.config)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/artifacts/packages"
rm -rf "$out" && mkdir -p "$out"
dotnet pack "$root/generators/TranscriptKit.Generators/TranscriptKit.Generators.csproj" -o "$out" -nologo -v q
dotnet pack "$root/src/TranscriptKit.Core/TranscriptKit.Core.csproj" -o "$out" -nologo -v q
# Consumer (a) needs the facade, a vendor and the sandbox; the facade and sandbox packages depend on every vendor package.
for project in src/TranscriptKit.CaptionCat/TranscriptKit.CaptionCat.csproj src/TranscriptKit.Cliptext/TranscriptKit.Cliptext.csproj \
               src/TranscriptKit.Soscripted/TranscriptKit.Soscripted.csproj src/TranscriptKit.Subclip/TranscriptKit.Subclip.csproj \
               src/TranscriptKit.TranscriptGenerate/TranscriptKit.TranscriptGenerate.csproj src/TranscriptKit/TranscriptKit.csproj \
               tools/TranscriptKit.Sandbox/TranscriptKit.Sandbox.csproj; do
  dotnet pack "$root/$project" -o "$out" -nologo -v q
done
"$root/tests/Packaging/check-generator-package.sh" "$out"
"$root/tests/Packaging/check-packages.sh" "$out"
# Only the local folder and the machine's third-party feed(s); clear drops anything inherited.
config="$root/artifacts/packaging-nuget.config"
# The consumers ask for the version just packed, read from the one place it is set (Directory.Build.props).
version=$(dotnet msbuild "$root/src/TranscriptKit.Core/TranscriptKit.Core.csproj" -getProperty:Version -nologo)
cat > "$config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$out" />
    <add key="mirror" value="${TK_MIRROR:-https://api.nuget.org/v3/index.json}" />
  </packageSources>
</configuration>
XML
consumer="$root/tests/Packaging/GeneratorConsumer"
# A fresh packages folder for our own ids so a stale cached 0.x-preview build cannot stand in for the new pack.
export NUGET_PACKAGES="$root/artifacts/nuget-cache"
rm -rf "$NUGET_PACKAGES/transcriptkit."*
dotnet build "$consumer/Consumer.csproj" --configfile "$config" -p:TranscriptKitVersion="$version" -nologo -v q
output=$(dotnet "$consumer/bin/Debug/net10.0/Consumer.dll")
expected='Acme.Speech.AcmeClient vendor=acme balance=42 facade=acme:hello from acme'
[ "$output" == "$expected" ] || { echo "consumer printed: $output"; exit 1; }
echo "ok: generator consumer built from packages only; its client and, through the registry, the facade called a loopback server"

# Consumer (a): Subclip through the facade's registry against the packaged sandbox; exits non-zero without a transcript.
facade="$root/tests/Packaging/FacadeConsumer"
dotnet build "$facade/FacadeConsumer.csproj" --configfile "$config" -p:TranscriptKitVersion="$version" -nologo -v q
output=$(dotnet "$facade/bin/Debug/net10.0/FacadeConsumer.dll")
expected='subclip job=True text=True'
[ "$output" == "$expected" ] || { echo "facade consumer printed: $output"; exit 1; }
echo "ok: facade consumer transcribed through Subclip against the packaged sandbox, from packages only"
