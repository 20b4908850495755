using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Runtime;

/// <summary>
/// Streams an <see cref="UploadFile"/> in fixed-size chunks from a pooled buffer, reporting bytes sent. Memory
/// stays constant whatever the file size; the length is declared when the stream knows it. Progress is reported
/// at most once per <see cref="ReportEvery"/> bytes (1 % of a file under 100 MiB), and always for the last byte: one report per 80 KiB chunk
/// was ~13,000 reports per GiB, each a thread-pool (or UI-thread) post, and cost more CPU than the copy itself
/// (docs/benchmarks.md, "2. Upload").
/// </summary>
internal sealed class ProgressStreamContent : HttpContent
{
    private const int ChunkSize = 81920;
    private const long ReportEvery = 1024 * 1024;
    private readonly UploadFile _file;
    private readonly IProgress<UploadProgress>? _progress;

    public ProgressStreamContent(UploadFile file, IProgress<UploadProgress>? progress)
    {
        _file = file;
        _progress = progress;
        Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var total = _file.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            // 1 MiB steps, or 1 % steps for a file under 100 MiB so a small file still moves a bar in steps.
            var step = total is { } known ? Math.Clamp(known / 100, 1, ReportEvery) : ReportEvery;
            long sent = 0;
            long reported = 0;
            int read;
            while ((read = await _file.Content.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                sent += read;
                if (_progress is not null && (sent - reported >= step || sent == total))
                {
                    reported = sent;
                    _progress.Report(new UploadProgress(sent, total));
                }
            }

            if (_progress is not null && sent != reported)
            {
                // A stream of unknown length: its end is known only now.
                _progress.Report(new UploadProgress(sent, total));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _file.Length ?? 0;
        return _file.Length.HasValue;
    }
}
