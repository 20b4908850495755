using System;
using System.IO;
using System.Threading.Tasks;

namespace TranscriptKit.Cli.Progress;

/// <summary>One line per change of stage, vendor state or quarter of the percentage: readable in a log, not a flood.</summary>
internal sealed class PlainProgressDisplay(TextWriter writer) : IProgressDisplay
{
    public async Task<T> RunAsync<T>(string title, Func<IProgress<TranscriptionProgress>, Task<T>> work)
    {
        var lines = new LineReporter(writer, title);
        return await work(lines).ConfigureAwait(false);
    }

    private sealed class LineReporter(TextWriter writer, string title) : IProgress<TranscriptionProgress>
    {
        private readonly object _gate = new();
        private string? _last;

        public void Report(TranscriptionProgress value)
        {
            var quarter = value.Percent is { } percent ? (int)Math.Clamp(percent / 25, 0, 4) * 25 : (int?)null;
            var line = $"{title}: {ProgressDisplay.Describe(value)}" + (quarter is { } q ? $" {q}%" : "");
            lock (_gate)
            {
                if (line == _last)
                {
                    return;
                }

                _last = line;
                writer.WriteLine(line);
            }
        }
    }
}
