using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Multipart;
using TranscriptKit.CaptionCat;
using TranscriptKit.Subclip;

namespace TranscriptKit.Benchmarks.Upload;

/// <summary>One upload case, run inside a fresh child process so its peak RSS is its own.</summary>
internal static class UploadCase
{
    public const string RawPut = "raw-put";
    public const string RawMultipart = "raw-multipart";
    public const string CaptionCat = "captioncat-multipart";
    public const string CaptionCatProgress = "captioncat-multipart-progress";
    public const string Subclip = "subclip-signed-put";
    public const string SubclipProgress = "subclip-signed-put-progress";
    public const string Kiota = "kiota-multipart";

    public static readonly string[] All = [RawPut, RawMultipart, CaptionCat, CaptionCatProgress, Subclip, SubclipProgress, Kiota];

    private const long WarmUpBytes = 8L * 1024 * 1024;

    /// <summary>Warms the path up with a small upload, then uploads <paramref name="size"/> bytes once and prints one RESULT line.</summary>
    public static async Task<int> RunChildAsync(string name, long size, int port)
    {
        var baseUri = new Uri($"http://127.0.0.1:{port}/v1");
        Func<long, Task> upload = CreateUploader(name, baseUri, port);

        await upload(WarmUpBytes).ConfigureAwait(false);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var rssBefore = ProcessMemory.CurrentRss();
        var hwmBefore = ProcessMemory.PeakRss();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen2Before = GC.CollectionCount(2);
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;

        var started = Stopwatch.GetTimestamp();
        await upload(size).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var hwm = ProcessMemory.PeakRss();
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"RESULT case={name} bytes={size} seconds={elapsed.TotalSeconds:R} hwm={hwm} hwmBefore={hwmBefore} rssBefore={rssBefore} peakWorkingSet={self.PeakWorkingSet64} cpuSeconds={cpu.TotalSeconds:R} allocated={allocated} gen2={GC.CollectionCount(2) - gen2Before}"));
        return 0;
    }

    private static Func<long, Task> CreateUploader(string name, Uri baseUri, int port)
    {
        switch (name)
        {
            case RawPut:
            {
                var http = new HttpClient(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
                var uri = new Uri($"http://127.0.0.1:{port}/raw/put");
                return async size =>
                {
                    using var stream = new GeneratedStream(size);
                    using var content = new StreamContent(stream);
                    content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
                    using var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = content };
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                };
            }

            case RawMultipart:
            {
                var http = new HttpClient(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
                var uri = new Uri($"http://127.0.0.1:{port}/raw/multipart");
                return async size =>
                {
                    using var stream = new GeneratedStream(size);
                    using var content = new MultipartFormDataContent();
                    var file = new StreamContent(stream);
                    file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
                    content.Add(file, "video", "video.mp4");
                    using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                };
            }

            case CaptionCat:
            case CaptionCatProgress:
            {
                var client = new CaptionCatClient(new CaptionCatClientOptions { ApiKey = "k", Endpoint = baseUri });
                var progress = name == CaptionCatProgress ? new CountingProgress() : null;
                return async size =>
                {
                    using var stream = new GeneratedStream(size);
                    await using var file = UploadFile.FromStream(stream, "video.mp4");
                    var result = await client.UploadVideoAsync(file, progress).ConfigureAwait(false);
                    if (result.Id != "vid_bench")
                    {
                        throw new InvalidOperationException("Unexpected upload id " + result.Id);
                    }
                };
            }

            case Subclip:
            case SubclipProgress:
            {
                var client = new SubclipClient(new SubclipClientOptions { ApiKey = "k", Endpoint = baseUri });
                var progress = name == SubclipProgress ? new CountingProgress() : null;
                return async size =>
                {
                    using var stream = new GeneratedStream(size);
                    await using var file = UploadFile.FromStream(stream, "video.mp4");
                    var key = await client.UploadSourceAsync(file, progress).ConfigureAwait(false);
                    if (key != "src_bench")
                    {
                        throw new InvalidOperationException("Unexpected source key " + key);
                    }
                };
            }

            case Kiota:
            {
                // Kiota's ApiKeyAuthenticationProvider refuses loopback http (TOOLCHAIN.md), so anonymous plus a header.
                var writers = new SerializationWriterFactoryRegistry();
                writers.ContentTypeAssociatedFactories["multipart/form-data"] = new MultipartSerializationWriterFactory();
                var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), serializationWriterFactory: writers)
                {
                    BaseUrl = baseUri.ToString(),
                };
                return async size =>
                {
                    using var stream = new GeneratedStream(size);
                    var body = new MultipartBody();
                    body.AddOrReplacePart("video", "video/mp4", (Stream)stream, "video.mp4");
                    var request = new RequestInformation(Method.POST, "{+baseurl}/upload", new System.Collections.Generic.Dictionary<string, object>());
                    request.PathParameters["baseurl"] = adapter.BaseUrl!;
                    request.Headers.Add("Authorization", "Bearer k");
                    request.SetContentFromParsable(adapter, "multipart/form-data", body);
                    await adapter.SendNoContentAsync(request).ConfigureAwait(false);
                };
            }

            default:
                throw new ArgumentException($"Unknown case '{name}'. Cases: {string.Join(", ", All)}.");
        }
    }

    /// <summary>What a caller's progress bar does: keep the latest count (reports arrive through <see cref="Progress{T}"/>'s thread-pool posts).</summary>
    private sealed class CountingProgress : Progress<UploadProgress>
    {
        private long _last;

        public CountingProgress()
            : base(static _ => { })
        {
        }

        protected override void OnReport(UploadProgress value)
        {
            Interlocked.Exchange(ref _last, value.BytesSent);
            base.OnReport(value);
        }
    }
}
