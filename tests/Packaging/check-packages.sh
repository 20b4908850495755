#!/usr/bin/env bash
# Checks by unzip that every packed library package holds exactly what a user needs and nothing else: its nuspec, its
# README, the assembly and its XML docs under lib/net10.0 (no test assemblies, no .g.cs, no stray dependencies).
# The sandbox is also an executable, so its runtimeconfig.json is expected. The generator has its own layout
# (check-generator-package.sh). Then, from each nuspec, that a package depends on exactly what docs/packages.md says
# ("pay only for what you use": a vendor package brings Core only, the extensions only their own stack).
# Usage: tests/Packaging/check-packages.sh <folder holding the .nupkg files>
set -euo pipefail
fail=0
vendor_packages="TranscriptKit.CaptionCat TranscriptKit.Cliptext TranscriptKit.Soscripted TranscriptKit.Subclip TranscriptKit.TranscriptGenerate"
# The direct dependencies of each package, sorted by the check; a package missing here fails, so a new one is declared.
declare -A dependencies=(
  [TranscriptKit.Core]="Microsoft.Extensions.Logging.Abstractions Microsoft.Kiota.Abstractions Polly.Core Std.UriTemplate System.Threading.RateLimiting"
  [TranscriptKit.CaptionCat]="TranscriptKit.Core"
  [TranscriptKit.Cliptext]="TranscriptKit.Core"
  [TranscriptKit.Soscripted]="TranscriptKit.Core"
  [TranscriptKit.Subclip]="TranscriptKit.Core"
  [TranscriptKit.TranscriptGenerate]="TranscriptKit.Core"
  [TranscriptKit]="TranscriptKit.Core $vendor_packages"
  [TranscriptKit.Extensions.AI]="TranscriptKit.Core Microsoft.Extensions.AI.Abstractions"
  [TranscriptKit.Extensions.DependencyInjection]="TranscriptKit Microsoft.Extensions.Http Microsoft.Extensions.Http.Resilience Microsoft.Extensions.DependencyInjection.Abstractions Microsoft.Extensions.Configuration.Abstractions Microsoft.Extensions.Configuration.Binder Microsoft.Extensions.Options.ConfigurationExtensions Microsoft.Extensions.Logging.Abstractions"
  [TranscriptKit.Batch.Sqlite]="TranscriptKit.Core Microsoft.Data.Sqlite"
  [TranscriptKit.Sandbox]="TranscriptKit.Core $vendor_packages"
  [TranscriptKit.Testing]="TranscriptKit.Core"
)
for pkg in "$1"/*.nupkg; do
  id=$(unzip -Z1 "$pkg" | grep -E '^[^/]+\.nuspec$' | sed 's/\.nuspec$//')
  [ "$id" == "TranscriptKit.Generators" ] && continue
  expected=$(printf '%s\n' "$id.nuspec" README.md "lib/net10.0/$id.dll" "lib/net10.0/$id.xml")
  [ "$id" == "TranscriptKit.Sandbox" ] && expected=$(printf '%s\n%s\n' "$expected" "lib/net10.0/$id.runtimeconfig.json")
  # NuGet's own plumbing (_rels, package/, [Content_Types].xml) is in every package and not ours to check.
  actual=$(unzip -Z1 "$pkg" | grep -v -e '^_rels/' -e '^package/' -e '^\[Content_Types\]\.xml$' | sort)
  if [ "$actual" != "$(sort <<<"$expected")" ]; then
    echo "unexpected layout in $pkg:"; diff <(sort <<<"$expected") <(echo "$actual") || true; fail=1
    continue
  fi
  if [ -z "${dependencies[$id]+set}" ]; then
    echo "$pkg: no expected dependencies declared for $id in check-packages.sh"; fail=1
    continue
  fi
  want=$(tr ' ' '\n' <<<"${dependencies[$id]}" | grep -v '^$' | sort -u)
  have=$(unzip -p "$pkg" "$id.nuspec" | grep -oE '<dependency id="[^"]+"' | sed -E 's/<dependency id="([^"]+)"/\1/' | sort -u)
  if [ "$have" != "$want" ]; then
    echo "unexpected dependencies of $pkg (- expected, + packed):"; diff <(echo "$want") <(echo "$have") || true; fail=1
  else
    echo "ok: $pkg ($(wc -l <<<"$have") dependencies)"
  fi
done
exit $fail
