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
    public async Task GetText_puts_the_media_length_and_a_whole_charge_in_usage_counts_and_no_tokens()
    {
        var transcript = s_transcript with { Usage = new TranscriptUsage { MediaDuration = TimeSpan.FromSeconds(126), Charge = 3, Unit = "credits", Basis = ChargeBasis.Reported } };
        var client = Vendor((_, _) => Task.FromResult(transcript)).AsSpeechToTextClient();

        var response = await client.GetTextAsync(new MemoryStream([1]));

        Assert.That(response.Usage!.AdditionalCounts, Is.EquivalentTo(new Dictionary<string, long> { ["transcriptkit.media.milliseconds"] = 126_000, ["transcriptkit.charge.credits"] = 3 }));
        Assert.That((response.Usage.InputTokenCount, response.Usage.OutputTokenCount, response.Usage.TotalTokenCount), Is.EqualTo(((long?)null, (long?)null, (long?)null)));
    }

    [Test]
    public async Task A_fractional_charge_is_no_count_and_unknown_usage_is_no_usage()
    {
        var fractional = s_transcript with { Usage = new TranscriptUsage { MediaDuration = TimeSpan.FromSeconds(60.5), Charge = 60.5m, Unit = "seconds", Basis = ChargeBasis.Inferred } };
        var unknown = s_transcript with { Usage = TranscriptUsage.Unknown };

        var withLength = await Vendor((_, _) => Task.FromResult(fractional)).AsSpeechToTextClient().GetTextAsync(new MemoryStream([1]));
        var withNothing = await Vendor((_, _) => Task.FromResult(unknown)).AsSpeechToTextClient().GetTextAsync(new MemoryStream([1]));

        Assert.That(withLength.Usage!.AdditionalCounts, Is.EquivalentTo(new Dictionary<string, long> { ["transcriptkit.media.milliseconds"] = 60_500 }));
        Assert.That(withNothing.Usage, Is.Null);
    }

    [Test]
    public async Task Streaming_carries_the_usage_into_the_gathered_response()
    {
        var transcript = s_transcript with { Usage = new TranscriptUsage { MediaDuration = TimeSpan.FromSeconds(2.5), Charge = 1, Unit = "credits", Basis = ChargeBasis.Documented } };
        var client = Vendor((_, _) => Task.FromResult(transcript)).AsSpeechToTextClient();

        var updates = new List<SpeechToTextResponseUpdate>();
        await foreach (var update in client.GetStreamingTextAsync(new MemoryStream([1])))
        {
            updates.Add(update);
        }

        var response = updates.ToSpeechToTextResponse();
        Assert.That(response.Usage!.AdditionalCounts, Is.EquivalentTo(new Dictionary<string, long> { ["transcriptkit.media.milliseconds"] = 2_500, ["transcriptkit.charge.credits"] = 1 }));
        Assert.That(response.Text, Is.EqualTo("Hello there."), "the usage content adds no text");
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
