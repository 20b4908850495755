#!/usr/bin/env bash
# Packs every library package and the sandbox into a local folder and builds and runs two consumers from that folder
# only (no project references). (b) GeneratorConsumer, a fictitious spec through the packaged generator:
# proves the package layout, the <TranscriptKitSpec> build/ pair, namespace metadata, that undeclared YAML is ignored
# and that the generated client works against a loopback server, also joined to the facade through the registry
# (the consumer exits non-zero otherwise). (a) FacadeConsumer:
# Subclip through Transcribers (the registry) against VendorSandbox.StartAsync(), the way the README tells users; and
# AotConsumer, which references TranscriptKit.Subclip alone, restores no package but that vendor's and Core's stack.
# Usage: tests/Packaging/run.sh   (from anywhere; writes artifacts/packages and artifacts/packaging-nuget.config)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/artifacts/packages"
rm -rf "$out" && mkdir -p "$out"
dotnet pack "$root/generators/TranscriptKit.Generators/TranscriptKit.Generators.csproj" -o "$out" -nologo -v q
dotnet pack "$root/src/TranscriptKit.Core/TranscriptKit.Core.csproj" -o "$out" -nologo -v q
# Consumer (a) needs the facade, a vendor and the sandbox; the facade and sandbox packages depend on every vendor package.
# The extension packages and the SQLite ledger are packed so check-packages.sh sees what each of them depends on.
for project in src/TranscriptKit.CaptionCat/TranscriptKit.CaptionCat.csproj src/TranscriptKit.Cliptext/TranscriptKit.Cliptext.csproj \
               src/TranscriptKit.Soscripted/TranscriptKit.Soscripted.csproj src/TranscriptKit.Subclip/TranscriptKit.Subclip.csproj \
               src/TranscriptKit.TranscriptGenerate/TranscriptKit.TranscriptGenerate.csproj src/TranscriptKit/TranscriptKit.csproj \
               src/TranscriptKit.Extensions.AI/TranscriptKit.Extensions.AI.csproj \
               src/TranscriptKit.Extensions.DependencyInjection/TranscriptKit.Extensions.DependencyInjection.csproj \
               src/TranscriptKit.Batch.Sqlite/TranscriptKit.Batch.Sqlite.csproj \
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
build_log="$root/artifacts/generator-consumer-build.log"
dotnet build "$consumer/Consumer.csproj" --configfile "$config" -p:TranscriptKitVersion="$version" -nologo -v n > "$build_log" 2>&1 \
  || { tail -40 "$build_log"; exit 1; }
# On linux-x64 with the .NET compiler the package hands the compiler its precompiled (ReadyToRun) generator, not the IL.
if [ "$(uname -s)-$(uname -m)" == "Linux-x86_64" ]; then
  grep -q '/analyzer:[^ ]*tools/r2r/linux-x64/TranscriptKit.Generators.dll' "$build_log" \
    || { echo "the compiler was not given the ReadyToRun generator"; grep -o '/analyzer:[^ ]*' "$build_log" | sort -u; exit 1; }
  if grep -q '/analyzer:[^ ]*analyzers/dotnet/cs/TranscriptKit.Generators.dll' "$build_log"; then
    echo "the compiler was given both the IL and the ReadyToRun generator"; exit 1
  fi
  echo "ok: the packaged generator ran from its ReadyToRun image (tools/r2r/linux-x64)"
fi
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

# Pay only for what you use: AotConsumer references TranscriptKit.Subclip alone (aot.sh publishes and runs it). Its
# restored package closure must be that vendor and Core, with none of the other vendors, the facade, the extension
# packages or the DI, configuration, HTTP-resilience and M.E.AI stacks they bring. One exception, checked by who asks
# for it: Microsoft.Extensions.Logging.Abstractions (Core logs through ILogger) itself depends on
# Microsoft.Extensions.DependencyInjection.Abstractions (interfaces only), so that package may come through it alone.
aot="$root/tests/Packaging/AotConsumer"
dotnet restore "$aot/AotConsumer.csproj" --configfile "$config" -p:TranscriptKitVersion="$version" -nologo -v q
python3 - "$aot/obj/project.assets.json" <<'PY'
import json, re, sys
assets = json.load(open(sys.argv[1], encoding="utf-8"))
target = assets["targets"]["net10.0"]
packages = sorted(name.split("/")[0] for name, library in target.items() if library["type"] == "package")
dependents = {}
for name, library in target.items():
    for dependency in library.get("dependencies", {}):
        dependents.setdefault(dependency, set()).add(name.split("/")[0])
ours = [p for p in packages if p.startswith("TranscriptKit.") or p == "TranscriptKit"]
unwanted = [p for p in packages if re.match(r"Microsoft\.Extensions\.(AI|Http|DependencyInjection|Configuration)(\.|$)", p)]
via_logging = "Microsoft.Extensions.DependencyInjection.Abstractions"
if via_logging in unwanted and dependents.get(via_logging) == {"Microsoft.Extensions.Logging.Abstractions"}:
    unwanted.remove(via_logging)
problems = []
if ours != ["TranscriptKit.Core", "TranscriptKit.Subclip"]:
    problems.append(f"TranscriptKit packages {ours}, expected only TranscriptKit.Core and TranscriptKit.Subclip")
if unwanted:
    problems.append(f"packages a one-vendor consumer must not carry: {unwanted}")
if problems:
    print("one-vendor consumer (AotConsumer):", "; ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"ok: a consumer of TranscriptKit.Subclip alone restores {len(packages)} packages: {', '.join(packages)}")
PY
