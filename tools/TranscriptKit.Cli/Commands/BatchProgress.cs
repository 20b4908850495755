using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace TranscriptKit.Cli.Commands;

/// <summary>One line per finished item over the whole batch: counts, media minutes and charges so far, and the item's status.</summary>
internal sealed class BatchProgress(int total, TextWriter log) : IProgress<TranscriptionBatchItem>
{
    private readonly Lock _gate = new();
    private int _done;
    private int _failed;
    private readonly List<Transcript> _transcripts = [];
    private double _minutes;

    public void Report(TranscriptionBatchItem value)
    {
        lock (_gate)
        {
            if (value.Succeeded)
            {
                _done++;
            }
            else
            {
                _failed++;
            }

            _minutes += MediaMinutes(value.Transcript);
            if (value.Transcript is { } transcript)
            {
                _transcripts.Add(transcript);
            }

            var running = Math.Max(0, total - _done - _failed);
            log.WriteLine($"[{_done + _failed}/{total}] done {_done}, failed {_failed}, left {running}, {_minutes:0.#} media min, {Charges(_transcripts)}: {value.Request.Describe()} {BatchCommand.Status(value)}");
        }
    }

    /// <summary>The media's length as usage has it (the vendor's, else the file's), else the transcript's own.</summary>
    public static double MediaMinutes(Transcript? transcript) => (transcript?.Usage.MediaDuration ?? transcript?.Duration)?.TotalMinutes ?? 0;

    /// <summary>Known charges summed per unit (a batch has one vendor, but a unit is never added to another).</summary>
    public static string Charges(IEnumerable<Transcript> transcripts)
    {
        var sums = transcripts
            .Where(t => t.Usage is { Charge: not null, Unit: not null })
            .GroupBy(t => t.Usage.Unit!, StringComparer.Ordinal)
            .Select(g => $"{g.Sum(t => t.Usage.Charge!.Value).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} {g.Key}")
            .ToList();
        return sums.Count == 0 ? "charges unknown" : "charged " + string.Join(" + ", sums);
    }
}
