using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using NUnit.Framework;

namespace TranscriptKit.Tests.AI;

public sealed class SpeechToTextClientTests
{
    private static ITranscriber Vendor(Func<TranscriptionRequest, IProgress<TranscriptionProgress>?, Task<Transcript>> transcribe) => new DelegateTranscriber(transcribe);

    private sealed class DelegateTranscriber(Func<TranscriptionRequest, IProgress<TranscriptionProgress>?, Task<Transcript>> transcribe) : FakeTranscriber("cliptext", jobs: false), ITranscriber
    {
        Task<Transcript> ITranscriber.TranscribeAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, System.Threading.CancellationToken cancellationToken) =>
            transcribe(request, progress);
    }

    private static readonly Transcript s_transcript = new("cliptext", "tr_1", "Hello there.", [new(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2), "Hello there.")], TimeSpan.FromSeconds(2.5));

    [Test]
    public async Task GetText_returns_the_transcript_text_with_the_transcript_underneath()
    {
        TranscriptionRequest? seen = null;
        var client = Vendor((request, _) => { seen = request; return Task.FromResult(s_transcript); }).AsSpeechToTextClient();
        using var audio = new MemoryStream([1, 2, 3]);

        var response = await client.GetTextAsync(audio, new SpeechToTextOptions { SpeechLanguage = "en", AdditionalProperties = new() { ["fileName"] = "memo.m4a" } });

        Assert.That(response.Text, Is.EqualTo("Hello there."));
        Assert.That(response.ResponseId, Is.EqualTo("tr_1"));
        Assert.That(response.RawRepresentation, Is.SameAs(s_transcript));
        Assert.That(response.StartTime, Is.EqualTo(TimeSpan.FromSeconds(0.5)));
        Assert.That(response.EndTime, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
        Assert.That(seen!.Language, Is.EqualTo("en"));
        Assert.That(seen.FileName, Is.EqualTo("memo.m4a"));
        Assert.That(seen.Content, Is.SameAs(audio));
    }

    [Test]
    public async Task Streaming_yields_progress_then_the_text()
    {
        var client = Vendor((_, progress) =>
        {
            progress!.Report(new TranscriptionProgress("cliptext", TranscriptionStage.Uploading, 50, BytesSent: 5, TotalBytes: 10));
            progress.Report(new TranscriptionProgress("cliptext", TranscriptionStage.Processing, 80, "transcribing"));
            progress.Report(new TranscriptionProgress("cliptext", TranscriptionStage.Completed, 100));
            return Task.FromResult(s_transcript);
        }).AsSpeechToTextClient();

        var updates = new List<SpeechToTextResponseUpdate>();
        await foreach (var update in client.GetStreamingTextAsync(new MemoryStream([1])))
        {
            updates.Add(update);
        }

        Assert.That(updates.ConvertAll(u => u.Kind), Is.EqualTo(new[]
        {
            SpeechToTextResponseUpdateKind.SessionOpen, SpeechToTextResponseUpdateKind.TextUpdating, SpeechToTextResponseUpdateKind.TextUpdating,
            SpeechToTextResponseUpdateKind.TextUpdated, SpeechToTextResponseUpdateKind.SessionClose,
        }));
        Assert.That(updates[2].AdditionalProperties!["percent"], Is.EqualTo(80.0));
        Assert.That(updates[2].AdditionalProperties!["vendorState"], Is.EqualTo("transcribing"));
        Assert.That(updates[3].Text, Is.EqualTo("Hello there."));
        Assert.That(updates.ToSpeechToTextResponse().Text, Does.Contain("Hello there."));
    }

    [Test]
    public void Streaming_ends_with_the_vendors_error()
    {
        var client = Vendor((_, _) => Task.FromException<Transcript>(new TranscriptKitAuthenticationException("cliptext", "bad key", System.Net.HttpStatusCode.Unauthorized))).AsSpeechToTextClient();

        Assert.That(async () =>
        {
            await foreach (var _ in client.GetStreamingTextAsync(new MemoryStream([1])))
            {
            }
        }, Throws.InstanceOf<TranscriptKitAuthenticationException>());
    }

    [Test]
    public void Url_only_vendors_cannot_take_audio_bytes()
    {
        var tg = Transcribers.Create("transcriptgenerate", new VendorSettings { ApiKey = "k", ApiSecret = "s" });

        var error = Assert.Throws<TranscriptionNotSupportedException>(() => tg.AsSpeechToTextClient());
        Assert.That(error!.Message, Does.Contain("URLs only"));
    }

    [Test]
    public void Metadata_and_the_transcriber_are_services()
    {
        var transcriber = Vendor((_, _) => Task.FromResult(s_transcript));
        var client = transcriber.AsSpeechToTextClient();

        Assert.That(client.GetService<SpeechToTextClientMetadata>()!.ProviderName, Is.EqualTo("TranscriptKit.cliptext"));
        Assert.That(client.GetService<ITranscriber>(), Is.SameAs(transcriber));
        Assert.That(client.GetService<ITranscriber>("key"), Is.Null);
    }
}
