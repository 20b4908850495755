using System;
using System.IO;
using System.Threading;

namespace TranscriptKit.Cli.Commands;

/// <summary>One line per finished item over the whole batch: counts, media minutes so far, and the item's status.</summary>
internal sealed class BatchProgress(int total, TextWriter log) : IProgress<TranscriptionBatchItem>
{
    private readonly Lock _gate = new();
    private int _done;
    private int _failed;
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

            _minutes += value.Transcript?.Duration?.TotalMinutes ?? 0;
            var running = Math.Max(0, total - _done - _failed);
            log.WriteLine($"[{_done + _failed}/{total}] done {_done}, failed {_failed}, left {running}, {_minutes:0.#} media min: {value.Request.Describe()} {BatchCommand.Status(value)}");
        }
    }
}
