using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Tests.Requests;

/// <summary>
/// What cannot be transcribed is refused before anything is opened, uploaded or paid for: folders, FIFOs and devices
/// (a FIFO used to block the open forever), empty files and streams (vendors charge for them), unreadable files.
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class LocalFileTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("tk-local-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    [Platform("Linux")]
    public void A_fifo_is_refused_before_it_is_opened()
    {
        var fifo = Path.Combine(_folder, "talk.mp4");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { fifo }, UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.That(mkfifo.ExitCode, Is.Zero);
        }

        // No writer ever opens the FIFO: a FromFile that opened it would block here until [CancelAfter] fails the test.
        var refused = Assert.Throws<ArgumentException>(() => TranscriptionRequest.FromFile(fifo))!;

        Assert.That(refused.Message, Does.Contain("named pipe (FIFO), not a regular file"));
    }

    [Test]
    [Platform("Linux")]
    public void A_device_is_refused() =>
        Assert.That(() => TranscriptionRequest.FromFile("/dev/null"), Throws.ArgumentException.With.Message.Contains("is a device, not a regular file"));

    [Test]
    public void A_folder_is_refused_as_a_folder_not_as_a_missing_file()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "talk.mp4")).FullName;

        Assert.That(() => TranscriptionRequest.FromFile(folder), Throws.ArgumentException.With.Message.Contains("is a folder"));
    }

    [Test]
    public void An_empty_file_is_refused()
    {
        var empty = Path.Combine(_folder, "talk.mp4");
        File.WriteAllBytes(empty, []);

        Assert.That(() => TranscriptionRequest.FromFile(empty), Throws.ArgumentException.With.Message.Contains("empty (0 bytes)"));
    }

    [Test]
    public void An_unreadable_file_is_refused_with_a_clear_message()
    {
        // CI runs as root, where chmod 000 still reads: the opener is injected instead.
        var file = Path.Combine(_folder, "talk.mp4");
        File.WriteAllBytes(file, [1, 2, 3]);

        var refused = Assert.Throws<UnauthorizedAccessException>(() => TranscriptionRequest.FromFile(file, _ => throw new UnauthorizedAccessException("Access to the path is denied.")))!;

        Assert.That(refused.Message, Is.EqualTo($"'{file}' cannot be read: permission denied."));
    }

    [TestCase("subclip")]
    [TestCase("cliptext")]
    [TestCase("captioncat")]
    public async Task An_empty_stream_or_a_file_emptied_after_the_request_is_refused_before_any_request(string vendor)
    {
        await using var sandbox = await VendorSandbox.StartAsync();
        var transcriber = Transcribers.Create(vendor, new VendorSettings { ApiKey = sandbox.ApiKey, ApiSecret = sandbox.ApiSecret, Endpoint = sandbox.GetEndpoint(vendor) });
        var file = Path.Combine(_folder, "talk.mp4");
        File.WriteAllBytes(file, [1, 2, 3]);
        var fromFile = TranscriptionRequest.FromFile(file) with { Language = "en" };
        File.WriteAllBytes(file, []);
        using var empty = new MemoryStream();

        Assert.That(() => transcriber.StartAsync(TranscriptionRequest.FromStream(empty, "talk.mp4") with { Language = "en" }), Throws.ArgumentException.With.Message.Contains("empty (0 bytes)"));
        Assert.That(() => transcriber.TranscribeAsync(fromFile), Throws.ArgumentException.With.Message.Contains("empty (0 bytes)"));
        Assert.That(sandbox.Requests, Is.Empty);
    }
}
