using System.Linq;
using System.Net;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.CaptionCat;

namespace TranscriptKit.Sandbox.Tests;

public sealed class CaptionCatSandboxTests
{
    private static CaptionCatClient Client(VendorSandbox sandbox, string? key = null) =>
        new(new CaptionCatClientOptions { ApiKey = key ?? sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("captioncat"), Retry = TestMedia.FastRetries });

    [Test]
    public async Task Upload_transcribe_poll_srt_text_edit_and_render_follow_the_docs()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var client = Client(sandbox);
        var before = (await client.GetBalanceAsync()).Balance;

        using var file = TestMedia.Upload(TestMedia.SampleBytes);
        var uploaded = await client.UploadVideoAsync(file);
        await client.StartTranscriptionAsync(uploaded.Id);
        var status = await client.WaitForTranscriptionAsync(uploaded.Id, TestMedia.FastPolling);

        Assert.That(status.Transcription, Is.EqualTo("finished"));
        Assert.That(TestMedia.Count(sandbox, "captioncat", "GET", "/transcribe/"), Is.EqualTo(3), "two pending polls, then finished");
        var srt = await client.GetSrtAsync(uploaded.Id);
        Assert.That(srt.Srt, Does.StartWith("1\n00:00:00,000 --> 00:00:02,000\nHello sandbox world\n"));
        Assert.That((await client.GetTextAsync(uploaded.Id)).Text, Is.EqualTo(TestMedia.SampleText));

        await client.UpdateSrtAsync(uploaded.Id, "1\n00:00:00,000 --> 00:00:01,000\nEdited\n\n");
        Assert.That((await client.GetTextAsync(uploaded.Id)).Text, Is.EqualTo("Edited"));

        await client.StartRenderAsync(uploaded.Id);
        var render = await client.WaitForRenderAsync(uploaded.Id, TestMedia.FastPolling);
        Assert.That(render.Progress, Is.EqualTo(100));

        // 5 s of video: 5 credits to transcribe, 5 to render.
        var history = await client.GetBalanceHistoryAsync();
        Assert.That(history.BalanceHistory.Select(h => h.Description), Is.EqualTo(new[] { "Deposit 2400 credits", "Transcribe Video", "Render Video" }));
        Assert.That(history.BalanceHistory.Select(h => h.Transaction), Is.EqualTo(new long[] { 2400, -5, -5 }));
        Assert.That((await client.GetBalanceAsync()).Balance, Is.EqualTo(before - 10));
    }

    [Test]
    public async Task A_file_that_is_not_a_video_is_refused_with_the_documented_415()
    {
        await using var sandbox = await TestMedia.StartAsync();
        using var file = UploadFile.FromStream(new System.IO.MemoryStream("just some text, no video"u8.ToArray()), "notes.mp4");

        var error = Assert.ThrowsAsync<TranscriptKitBadRequestException>(() => Client(sandbox).UploadVideoAsync(file));

        Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(error.VendorMessage, Is.EqualTo("uploaded file is not a video"));
    }

    [TestCase(new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0x01, 0, 0, 0, 0, 0, 0, 0 }, "clip.webm")]
    [TestCase(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 9, 9, 9, 9, (byte)'A', (byte)'V', (byte)'I', (byte)' ' }, "clip.avi")]
    public async Task WebM_and_AVI_are_recognised_by_their_magic_bytes(byte[] header, string name)
    {
        await using var sandbox = await TestMedia.StartAsync();
        using var file = UploadFile.FromStream(new System.IO.MemoryStream(header), name);

        var uploaded = await Client(sandbox).UploadVideoAsync(file);

        Assert.That(uploaded.Id, Has.Length.EqualTo(32));
    }

    [Test]
    public async Task A_wrong_token_gets_the_documented_401()
    {
        await using var sandbox = await TestMedia.StartAsync();

        var error = Assert.ThrowsAsync<TranscriptKitAuthenticationException>(() => Client(sandbox, "wrong-key").GetBalanceAsync());

        Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(error.VendorMessage, Is.EqualTo("Invalid or missing token"));
    }

    [Test]
    public async Task An_unknown_video_id_gets_the_documented_404()
    {
        await using var sandbox = await TestMedia.StartAsync();

        var error = Assert.ThrowsAsync<TranscriptKitNotFoundException>(() => Client(sandbox).StartTranscriptionAsync("nope"));

        Assert.That(error!.VendorMessage, Is.EqualTo("Id Not Found"));
    }

    [Test]
    public async Task An_unknown_upload_gets_the_simulated_transcript()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var client = Client(sandbox);
        using var file = TestMedia.Upload(TestMedia.UnknownVideoBytes, "mine.mp4");

        var id = (await client.UploadVideoAsync(file)).Id;
        await client.StartTranscriptionAsync(id);
        await client.WaitForTranscriptionAsync(id, TestMedia.FastPolling);

        Assert.That((await client.GetTextAsync(id)).Text, Is.EqualTo("[simulated transcript: the TranscriptKit sandbox does not recognise speech]"));
    }

    [Test]
    public async Task Resuming_from_a_job_token_does_not_start_a_second_transcription()
    {
        await using var sandbox = await TestMedia.StartAsync();
        var client = Client(sandbox);
        using var file = TestMedia.Upload(TestMedia.SampleBytes);
        var id = (await client.UploadVideoAsync(file)).Id;
        await client.StartTranscriptionAsync(id);
        var token = client.CreateTranscriptionToken(id);

        var resumed = Client(sandbox);
        var status = await resumed.WaitForTranscriptionAsync(token, TestMedia.FastPolling);

        Assert.That(status.Transcription, Is.EqualTo("finished"));
        Assert.That(TestMedia.Count(sandbox, "captioncat", "POST", "/transcribe/"), Is.EqualTo(1));
    }
}
