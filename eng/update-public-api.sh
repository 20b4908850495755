#!/usr/bin/env bash
# Records the current public API of every library package in its PublicAPI.Unshipped.txt.
#
# The build fails on RS0016 (a public symbol not in the baseline) and RS0017 (a baseline entry that is gone): that is
# the point, an API change must be intended. After an intended change, run this script, read the diff of the
# PublicAPI.*.txt files it touched, and commit them with the change. The code fix in an IDE does the same for
# hand-written code but cannot edit entries for source-generated clients, which are most of a vendor package's API.
#
# Usage: eng/update-public-api.sh                      (all library packages, 4-11 min)
#        eng/update-public-api.sh <project.csproj>...   (only those, e.g. the vendor whose spec you edited)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

projects=()
candidates=("$@")
[ ${#candidates[@]} -gt 0 ] || candidates=($(git ls-files 'src/*.csproj' 'tools/*.csproj'))
for p in "${candidates[@]}"; do
  if [ "$(dotnet msbuild "$p" -getProperty:TranscriptKitPublicApi 2>/dev/null)" = "true" ]; then
    projects+=("$p")
    d="$(dirname "$p")"
    for f in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
      [ -f "$d/$f" ] || printf '#nullable enable\n' > "$d/$f"
    done
  fi
done

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# Warnings, not errors, so every project is compiled even when a dependency's baseline is stale;
# --no-incremental because an up-to-date project would report nothing.
for p in "${projects[@]}"; do
  dotnet build "$p" -nologo -v q -p:TreatWarningsAsErrors=false > /dev/null 2>&1 || true
done
for p in "${projects[@]}"; do
  dotnet build "$p" --no-incremental -p:BuildProjectReferences=false -nologo -clp:NoSummary -p:TreatWarningsAsErrors=false >> "$log" 2>&1 || true
done

python3 - "$log" <<'PY'
import re, sys, os, collections
added = collections.defaultdict(set)
removed = collections.defaultdict(set)
pat = re.compile(r"(RS0016|RS0017): Symbol '(.*)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.*\.csproj)\]")
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = pat.search(line)
    if not m:
        continue
    rule, symbol, project = m.groups()
    (added if rule == "RS0016" else removed)[os.path.dirname(project)].add(symbol)
for d in sorted(set(added) | set(removed)):
    shipped_path = os.path.join(d, "PublicAPI.Shipped.txt")
    unshipped_path = os.path.join(d, "PublicAPI.Unshipped.txt")
    shipped = set(l.rstrip("\n") for l in open(shipped_path, encoding="utf-8"))
    lines = [l.rstrip("\n") for l in open(unshipped_path, encoding="utf-8")]
    body = set(l for l in lines if l and not l.startswith("#"))
    body -= removed[d]
    # A shipped symbol that is gone stays recorded as a removal, so the break is visible in review.
    body |= {"*REMOVED*" + s for s in removed[d] if s in shipped}
    body |= added[d]
    with open(unshipped_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("#nullable enable\n")
        for l in sorted(body, key=lambda s: s[len("*REMOVED*"):] if s.startswith("*REMOVED*") else s):
            f.write(l + "\n")
    print(f"{os.path.relpath(unshipped_path)}: +{len(added[d])} -{len(removed[d])}")
PY
if grep -v "RS001[67]" "$log" | grep -q ": error "; then
  echo "The build has errors other than public-API ones; fix them and run again:" >&2
  grep ": error " "$log" | grep -v "RS001[67]" | sort -u | head -20 >&2
  exit 1
fi
