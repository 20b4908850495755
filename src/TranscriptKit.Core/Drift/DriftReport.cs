using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace TranscriptKit;

/// <summary>
/// Collects the differences between live responses and the specs while drift checking is on
/// (<see cref="TranscriptKitClientOptions.Drift"/>). Thread-safe: one report may serve many clients and calls.
/// </summary>
public sealed class DriftReport
{
    // A vendor that adds one field to every poll answer would otherwise fill memory over a long batch; the first
    // sighting of each (vendor, operation, kind, path) is what a spec maintainer needs, the count says how often.
    private readonly Dictionary<(string Vendor, string Operation, DriftKind Kind, string Path), Entry> _entries = [];
    private readonly HashSet<ILogger> _loggers = new(ReferenceEqualityComparer.Instance);
    private readonly object _gate = new();

    /// <summary>Raised once for each new (vendor, operation, kind, path), on the thread that found it.</summary>
    public event Action<DriftFinding>? Found;

    /// <summary>The first finding of each distinct (vendor, operation, kind, path), in the order they were first seen.</summary>
    public IReadOnlyList<DriftFinding> Findings
    {
        get
        {
            lock (_gate)
            {
                return _entries.Values.OrderBy(e => e.Order).Select(e => e.Finding).ToList();
            }
        }
    }

    /// <summary>How many times the same difference as <paramref name="finding"/> was seen.</summary>
    /// <param name="finding">A finding from <see cref="Findings"/>.</param>
    /// <returns>The number of responses that showed it; 0 for a finding this report never saw.</returns>
    public int Occurrences(DriftFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        lock (_gate)
        {
            return _entries.TryGetValue(Key(finding), out var entry) ? entry.Count : 0;
        }
    }

    /// <summary>Adds a finding.</summary>
    /// <param name="finding">The difference.</param>
    public void Add(DriftFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        bool added;
        lock (_gate)
        {
            added = !_entries.TryGetValue(Key(finding), out var entry);
            if (added)
            {
                _entries[Key(finding)] = new Entry(finding, _entries.Count) { Count = 1 };
            }
            else
            {
                entry!.Count++;
            }
        }

        if (added)
        {
            Found?.Invoke(finding);
        }
    }

    /// <summary>A plain-text summary: one line per distinct difference, with how often it was seen.</summary>
    /// <returns>The summary, or a line saying no drift was seen.</returns>
    public string ToSummary()
    {
        lock (_gate)
        {
            if (_entries.Count == 0)
            {
                return "No drift: every response matched its spec.";
            }

            return $"{_entries.Count} difference(s) from the spec:" + Environment.NewLine + string.Join(
                Environment.NewLine,
                _entries.Values.OrderBy(e => e.Order).Select(e => "  " + e.Finding + (e.Count > 1 ? $" (x{e.Count})" : "")));
        }
    }

    /// <summary>Logs each new finding to <paramref name="logger"/>; a logger already attached is not attached twice (several vendors may share one report and one logger).</summary>
    internal void LogTo(ILogger logger)
    {
        lock (_gate)
        {
            if (!_loggers.Add(logger))
            {
                return;
            }
        }

        Found += finding => Log.DriftFound(logger, finding.Vendor, finding.OperationId, finding.Kind, finding.Path, finding.Expected, finding.RawValue);
    }

    private static (string, string, DriftKind, string) Key(DriftFinding f) => (f.Vendor, f.OperationId, f.Kind, f.Path);

    private sealed class Entry(DriftFinding finding, int order)
    {
        public DriftFinding Finding { get; } = finding;

        public int Order { get; } = order;

        public int Count { get; set; }
    }
}
