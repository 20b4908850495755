using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.CaptionCat;
using TranscriptKit.Cliptext;
using TranscriptKit.Soscripted;
using TranscriptKit.Subclip;
using TranscriptKit.TranscriptGenerate;

namespace TranscriptKit.Sandbox.Tests;

public sealed class JobFailureTests
{
    [Test]
    public async Task FailNextJobs_ends_jobs_in_each_vendors_failure_state()
    {
        await using var sandbox = await TestMedia.StartAsync();
        foreach (var id in sandbox.VendorIds)
        {
            sandbox.Faults.For(id).FailNextJobs(1);
        }

        var captionCat = new CaptionCatClient(new CaptionCatClientOptions { ApiKey = sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("captioncat") });
        using var video = TestMedia.Upload(TestMedia.SampleBytes);
        var videoId = (await captionCat.UploadVideoAsync(video)).Id;
        await captionCat.StartTranscriptionAsync(videoId);
        Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => captionCat.WaitForTranscriptionAsync(videoId, TestMedia.FastPolling));

        var subclip = new SubclipClient(new SubclipClientOptions { ApiKey = sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("subclip") });
        var job = await subclip.CreateJobAsync(new CreateJobRequest { Url = "https://youtu.be/x", Language = "en" });
        Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => subclip.WaitForJobAsync(job.ProjectId, TestMedia.FastPolling));

        var generate = new TranscriptGenerateClient(new TranscriptGenerateClientOptions { ApiKey = sandbox.ApiKey, ApiSecret = sandbox.ApiSecret, Endpoint = sandbox.GetEndpoint("transcriptgenerate") });
        var task = await generate.CreateTaskAsync(new CreateTaskRequest { WorkUrl = "https://v.douyin.com/x" });
        var failed = Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => generate.WaitForTaskAsync(task.TaskId, TestMedia.FastPolling));
        Assert.That(failed!.Message, Does.Contain("Video processing failed!"));

        var cliptext = new CliptextClient(new CliptextClientOptions { ApiKey = sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("cliptext") });
        using var audio = TestMedia.Upload(TestMedia.SampleBytes);
        var upload = await cliptext.UploadFileAsync(audio);
        var transcription = await cliptext.CreateTranscriptionAsync(new CreateTranscriptionRequest { UploadId = upload.UploadId });
        Assert.ThrowsAsync<TranscriptKitJobFailedException>(() => cliptext.WaitForTranscriptionAsync(transcription.Id, TestMedia.FastPolling));

        var soscripted = new SoscriptedClient(new SoscriptedClientOptions { ApiKey = sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("soscripted") });
        Assert.ThrowsAsync<TranscriptKitServerException>(() => soscripted.TranscribeAsync(new TranscribeRequest { Url = "https://youtu.be/x" }));
        Assert.That((await soscripted.TranscribeAsync(new TranscribeRequest { Url = "https://youtu.be/x" })).Ok, Is.True, "only the next job fails");
    }

    [Test]
    public async Task A_failing_stream_ends_with_an_error_event()
    {
        await using var sandbox = await TestMedia.StartAsync();
        sandbox.Faults.For("soscripted").FailNextJobs(1);
        var client = new SoscriptedClient(new SoscriptedClientOptions { ApiKey = sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("soscripted") });
        var progress = 0;

        var error = Assert.ThrowsAsync<TranscriptKitServerException>(async () =>
        {
            await foreach (var item in client.TranscribeStreamAsync(new TranscribeRequest { Url = "https://youtu.be/x" }))
            {
                progress += item.Progress is null ? 0 : 1;
            }
        });

        Assert.That(progress, Is.EqualTo(3));
        Assert.That(error!.VendorMessage, Is.EqualTo("Transcription failed"));
    }
}
