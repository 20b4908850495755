using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace TranscriptKit.Generators.Model;

/// <summary>A declared spec's path and the namespace its client goes into: all the clash check needs, so it caches.</summary>
internal sealed record SpecNamespace(string Path, string Namespace);

/// <summary>A spec whose namespace an earlier spec (by path order) already took.</summary>
internal sealed record NamespaceClash(string Path, string Namespace, string OtherPath);

/// <summary>Finds specs that share a namespace, ordered by path so the same spec is blamed on every build.</summary>
internal static class NamespaceClashes
{
    public static EquatableArray<NamespaceClash> Find(ImmutableArray<SpecNamespace> specs)
    {
        var clashes = new List<NamespaceClash>();
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in specs.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            if (first.TryGetValue(spec.Namespace, out var other))
            {
                clashes.Add(new NamespaceClash(spec.Path, spec.Namespace, other));
            }
            else
            {
                first.Add(spec.Namespace, spec.Path);
            }
        }

        return new EquatableArray<NamespaceClash>(clashes.ToImmutableArray());
    }
}
