#!/usr/bin/env bash
# Checks by unzip that every packed library package holds exactly what a user needs and nothing else: its nuspec, its
# README, the assembly and its XML docs under lib/net10.0 (no test assemblies, no .g.cs, no stray dependencies).
# The sandbox is also an executable, so its runtimeconfig.json is expected. The generator has its own layout
# (check-generator-package.sh). Usage: tests/Packaging/check-packages.sh <folder holding the .nupkg files>
set -euo pipefail
fail=0
for pkg in "$1"/*.nupkg; do
  id=$(unzip -Z1 "$pkg" | grep -E '^[^/]+\.nuspec$' | sed 's/\.nuspec$//')
  [ "$id" == "TranscriptKit.Generators" ] && continue
  expected=$(printf '%s\n' "$id.nuspec" README.md "lib/net10.0/$id.dll" "lib/net10.0/$id.xml")
  [ "$id" == "TranscriptKit.Sandbox" ] && expected=$(printf '%s\n%s\n' "$expected" "lib/net10.0/$id.runtimeconfig.json")
  # NuGet's own plumbing (_rels, package/, [Content_Types].xml) is in every package and not ours to check.
  actual=$(unzip -Z1 "$pkg" | grep -v -e '^_rels/' -e '^package/' -e '^\[Content_Types\]\.xml$' | sort)
  if [ "$actual" != "$(sort <<<"$expected")" ]; then
    echo "unexpected layout in $pkg:"; diff <(sort <<<"$expected") <(echo "$actual") || true; fail=1
  else
    echo "ok: $pkg"
  fi
done
exit $fail
