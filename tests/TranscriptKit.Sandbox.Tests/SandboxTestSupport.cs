using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Sandbox.Tests;

/// <summary>Tiny sample media with SRT sidecars in a temp folder, and sandboxes that read it.</summary>
internal static class TestMedia
{
    public const string SampleName = "hello.mp4";

    public const string Srt = "1\n00:00:00,000 --> 00:00:02,000\nHello sandbox world\n\n2\n00:00:02,500 --> 00:00:04,500\nSecond line here\n\n";

    public const string SampleText = "Hello sandbox world Second line here";

    private static readonly Lazy<string> Folder = new(Create);

    public static string Directory => Folder.Value;

    /// <summary>An MP4 header (ftyp at offset 4) and filler: enough for the magic-byte check, and a stable hash.</summary>
    public static byte[] SampleBytes { get; } = Video(seed: 1);

    /// <summary>Another valid video with no sidecar anywhere.</summary>
    public static byte[] UnknownVideoBytes { get; } = Video(seed: 2);

    public static byte[] Video(int seed)
    {
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);
        "\0\0\0\u0018ftypisom"u8.CopyTo(bytes);
        return bytes;
    }

    public static UploadFile Upload(byte[] bytes, string name = SampleName) => UploadFile.FromStream(new MemoryStream(bytes), name, "video/mp4");

    public static Task<VendorSandbox> StartAsync(Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions { PendingPolls = 2, StreamEventDelay = TimeSpan.FromMilliseconds(1) };
        options.MediaDirectories.Add(Directory);
        configure?.Invoke(options);
        return VendorSandbox.StartAsync(options);
    }

    public static PollingOptions FastPolling { get; } = new()
    {
        InitialInterval = TimeSpan.FromMilliseconds(10),
        MaxInterval = TimeSpan.FromMilliseconds(10),
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Retries quickly, so a 429 with <c>Retry-After: 0</c> costs no real time.</summary>
    public static RetryOptions FastRetries { get; } = new() { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) };

    public static int Count(VendorSandbox sandbox, string vendor, string method, string pathStart) =>
        sandbox.Requests.Count(r => r.Vendor == vendor && r.Method == method && r.Path.StartsWith(pathStart, StringComparison.Ordinal));

    private static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tk-sandbox-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, SampleName), SampleBytes);
        File.WriteAllText(Path.Combine(folder, "hello.srt"), Srt, Encoding.UTF8);
        // A medium without a sidecar is not indexed: its transcript must be the simulated one.
        File.WriteAllBytes(Path.Combine(folder, "nosidecar.mp4"), UnknownVideoBytes);
        return folder;
    }
}

/// <summary>Deletes the temp media folder after the run.</summary>
[SetUpFixture]
public sealed class TestMediaCleanup
{
    [OneTimeTearDown]
    public void Delete()
    {
        try
        {
            System.IO.Directory.Delete(TestMedia.Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind harms nothing.
        }
    }
}
