using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Runtime;

namespace TranscriptKit.Benchmarks.Upload;

/// <summary>
/// <c>upload --copy</c>: the request bodies alone, serialized into <see cref="Stream.Null"/> (no socket, no sink),
/// so our content's own cost shows without loopback-TCP noise: raw <see cref="StreamContent"/>, raw
/// <see cref="MultipartFormDataContent"/>, and our <see cref="MultipartRequestBody"/> with and without progress.
/// </summary>
internal static class SerializationCost
{
    public static async Task<string> RunAsync(long size, int reps)
    {
        var cases = new (string Name, Func<GeneratedStream, HttpContent> Create)[]
        {
            ("raw StreamContent", s => new StreamContent(s)),
            ("raw MultipartFormDataContent + StreamContent", s =>
            {
                var m = new MultipartFormDataContent();
                var part = new StreamContent(s);
                part.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
                m.Add(part, "video", "video.mp4");
                return m;
            }),
            ("MultipartRequestBody (Caption Cat), no progress", s => new MultipartRequestBody(null).AddFile("video", UploadFile.FromStream(s, "video.mp4")).CreateContent()),
            ("MultipartRequestBody (Caption Cat), Progress<T>", s => new MultipartRequestBody(new Progress<UploadProgress>(static _ => { })).AddFile("video", UploadFile.FromStream(s, "video.mp4")).CreateContent()),
        };

        var times = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var cpu = cases.ToDictionary(c => c.Name, _ => new List<double>());
        using var self = Process.GetCurrentProcess();
        for (var rep = -1; rep < reps; rep++)
        {
            foreach (var (name, create) in cases)
            {
                using var stream = new GeneratedStream(rep < 0 ? 16L << 20 : size);
                using var content = create(stream);
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                await content.CopyToAsync(Stream.Null, CancellationToken.None).ConfigureAwait(false);
                var elapsed = Stopwatch.GetElapsedTime(started);
                self.Refresh();
                if (rep >= 0)
                {
                    times[name].Add(elapsed.TotalMilliseconds);
                    cpu[name].Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }
            }
        }

        var rawTime = UploadReport.Median(times[cases[0].Name]);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Body serialization only (CopyToAsync into Stream.Null, no socket), {UploadReport.FormatSize(size)}, {reps} runs each, interleaved, in one process:");
        text.AppendLine();
        text.AppendLine("| content | median ms | GiB/s | vs raw StreamContent | process CPU ms (median) |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var (name, _) in cases)
        {
            var ms = UploadReport.Median(times[name]);
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {ms:0} | {size / (double)(1L << 30) / (ms / 1000):0.0} | {rawTime / ms:0.00} | {UploadReport.Median(cpu[name]):0} |"));
        }

        return text.ToString();
    }
}
