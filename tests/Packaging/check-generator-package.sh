#!/usr/bin/env bash
# Checks the layout of the packed generator: both DLLs under analyzers/dotnet/cs (the compiler loads the generator's
# dependencies only from there), their ReadyToRun images per platform under tools/r2r/<rid> (build/ swaps them in
# there), each compiled for its platform (the PE machine field, which ReadyToRun sets to the architecture XOR an OS
# value), the spec-declaring build/ pair, and nothing in lib/ (a consumer must not reference it).
# Usage: tests/Packaging/check-generator-package.sh <folder holding TranscriptKit.Generators.*.nupkg>
set -euo pipefail
pkg=$(ls "$1"/TranscriptKit.Generators.*.nupkg | grep -v '\.symbols\.' | head -n1)
listing=$(unzip -Z1 "$pkg")
fail=0
for want in analyzers/dotnet/cs/TranscriptKit.Generators.dll analyzers/dotnet/cs/YamlDotNet.dll \
            build/TranscriptKit.Generators.props build/TranscriptKit.Generators.targets README.md THIRD-PARTY-NOTICES.txt; do
  grep -qx "$want" <<<"$listing" || { echo "missing in $pkg: $want"; fail=1; }
done
# A rid's ReadyToRun machine value: AMD64 0x8664 / ARM64 0xaa64, XOR Linux 0x7b79 / macOS 0x4644 / Windows 0 (an
# IL-only AnyCPU assembly says 0x14c, so even a Windows image cannot be the IL by mistake).
declare -A machines=([linux-x64]=fd1d [linux-arm64]=d11d [osx-x64]=c020 [osx-arm64]=ec20 [win-x64]=8664 [win-arm64]=aa64)
# The platforms the package must carry: the one list the pack publishes from.
platforms=$(dirname "$0")/../../generators/ReadyToRunPlatforms.props
rids=$(sed -n 's:.*<TranscriptKitReadyToRunRids>\(.*\)</TranscriptKitReadyToRunRids>.*:\1:p' "$platforms" | tr ';' ' ')
[ -n "$rids" ] || { echo "no platforms read from $platforms"; exit 1; }
for rid in $rids; do
  machine=${machines[$rid]:-}
  if [ -z "$machine" ]; then echo "no ReadyToRun machine value known for $rid: add it to $0"; fail=1; continue; fi
  for dll in TranscriptKit.Generators.dll YamlDotNet.dll; do
    entry="tools/r2r/$rid/$dll"
    if ! grep -qx "$entry" <<<"$listing"; then echo "missing in $pkg: $entry"; fail=1; continue; fi
    image=$(mktemp)
    unzip -p "$pkg" "$entry" > "$image"
    pe=$(od -An -tu4 -j60 -N4 "$image" | tr -d ' ')
    actual=$(od -An -tx2 -j$((pe + 4)) -N2 "$image" | tr -d ' ')
    rm -f "$image"
    [ "$actual" == "$machine" ] || { echo "$entry is not a $rid ReadyToRun image (machine 0x$actual, want 0x$machine)"; fail=1; }
  done
done
if grep -q '^lib/' <<<"$listing"; then echo "$pkg has lib/ entries:"; grep '^lib/' <<<"$listing"; fail=1; fi
[ $fail -eq 0 ] && echo "ok: $pkg"
exit $fail
