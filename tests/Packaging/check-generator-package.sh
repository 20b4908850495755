#!/usr/bin/env bash
# Checks the layout of the packed generator: both DLLs under analyzers/dotnet/cs (the compiler loads the generator's
# dependencies only from there), their ReadyToRun images for linux-x64 under tools/r2r (build/ swaps them in there),
# the spec-declaring build/ pair, and nothing in lib/ (a consumer must not reference it).
# Usage: tests/Packaging/check-generator-package.sh <folder holding TranscriptKit.Generators.*.nupkg>
set -euo pipefail
pkg=$(ls "$1"/TranscriptKit.Generators.*.nupkg | grep -v '\.symbols\.' | head -n1)
listing=$(unzip -Z1 "$pkg")
fail=0
for want in analyzers/dotnet/cs/TranscriptKit.Generators.dll analyzers/dotnet/cs/YamlDotNet.dll \
            tools/r2r/linux-x64/TranscriptKit.Generators.dll tools/r2r/linux-x64/YamlDotNet.dll \
            build/TranscriptKit.Generators.props build/TranscriptKit.Generators.targets README.md THIRD-PARTY-NOTICES.txt; do
  grep -qx "$want" <<<"$listing" || { echo "missing in $pkg: $want"; fail=1; }
done
if grep -q '^lib/' <<<"$listing"; then echo "$pkg has lib/ entries:"; grep '^lib/' <<<"$listing"; fail=1; fi
[ $fail -eq 0 ] && echo "ok: $pkg"
exit $fail
