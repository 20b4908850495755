using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace TranscriptKit;

/// <summary>An <see cref="ITranscriber"/> seen as a Microsoft.Extensions.AI <see cref="ISpeechToTextClient"/>.</summary>
internal sealed class TranscriberSpeechToTextClient : ISpeechToTextClient
{
    /// <summary>The <see cref="SpeechToTextOptions.AdditionalProperties"/> key for the file name sent to the vendor (its extension matters to some vendors).</summary>
    public const string FileNameProperty = "fileName";

    private const string DefaultFileName = "speech";
    private readonly ITranscriber _transcriber;
    private readonly SpeechToTextClientMetadata _metadata;

    public TranscriberSpeechToTextClient(ITranscriber transcriber)
    {
        if (!transcriber.Capabilities.AcceptsFiles)
        {
            throw new TranscriptionNotSupportedException(
                transcriber.Vendor,
                $"{transcriber.Vendor} takes URLs only ({transcriber.Capabilities.Describe()}); an ISpeechToTextClient sends audio bytes, so use a vendor that takes files.");
        }

        _transcriber = transcriber;
        _metadata = new SpeechToTextClientMetadata(providerName: "TranscriptKit." + transcriber.Vendor);
    }

    public async Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        var transcript = await _transcriber.TranscribeAsync(CreateRequest(audioSpeechStream, options), null, cancellationToken).ConfigureAwait(false);
        return ToResponse(transcript);
    }

    public async IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(
        Stream audioSpeechStream, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = CreateRequest(audioSpeechStream, options);
        // Progress arrives on the transcriber's thread; a channel hands it to the caller's await foreach in order.
        var updates = Channel.CreateUnbounded<TranscriptionProgress>(new UnboundedChannelOptions { SingleReader = true });
        var progress = new ActionProgress<TranscriptionProgress>(p => updates.Writer.TryWrite(p));
        var transcription = TranscribeAndCompleteAsync(request, progress, updates.Writer, cancellationToken);

        yield return new SpeechToTextResponseUpdate { Kind = SpeechToTextResponseUpdateKind.SessionOpen, ModelId = _transcriber.Vendor };
        await foreach (var p in updates.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (p.Stage == TranscriptionStage.Completed)
            {
                continue;
            }

            var update = new SpeechToTextResponseUpdate { Kind = SpeechToTextResponseUpdateKind.TextUpdating, ModelId = _transcriber.Vendor, RawRepresentation = p };
            update.AdditionalProperties = new AdditionalPropertiesDictionary { ["stage"] = p.Stage.ToString() };
            if (p.Percent is { } percent)
            {
                update.AdditionalProperties["percent"] = percent;
            }

            if (p.VendorState is { } state)
            {
                update.AdditionalProperties["vendorState"] = state;
            }

            yield return update;
        }

        var transcript = await transcription.ConfigureAwait(false);
        var text = new SpeechToTextResponseUpdate(transcript.Text)
        {
            Kind = SpeechToTextResponseUpdateKind.TextUpdated,
            ResponseId = transcript.JobId,
            ModelId = _transcriber.Vendor,
            StartTime = transcript.Segments.Count > 0 ? transcript.Segments[0].Start : TimeSpan.Zero,
            EndTime = transcript.Duration,
            RawRepresentation = transcript,
        };
        // ToSpeechToTextResponse() gathers a UsageContent into the response's Usage, as chat updates do.
        if (UsageOf(transcript.Usage) is { } usage)
        {
            text.Contents.Add(new UsageContent(usage));
        }

        yield return text;
        yield return new SpeechToTextResponseUpdate { Kind = SpeechToTextResponseUpdateKind.SessionClose, ResponseId = transcript.JobId, ModelId = _transcriber.Vendor };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(SpeechToTextClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(_transcriber) ? _transcriber
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The transcriber belongs to whoever created it.
    }

    private async Task<Transcript> TranscribeAndCompleteAsync(
        TranscriptionRequest request, IProgress<TranscriptionProgress> progress, ChannelWriter<TranscriptionProgress> updates, CancellationToken cancellationToken)
    {
        try
        {
            var transcript = await _transcriber.TranscribeAsync(request, progress, cancellationToken).ConfigureAwait(false);
            updates.TryComplete();
            return transcript;
        }
        catch (Exception e)
        {
            // Ends the caller's await foreach with the transcriber's own exception.
            updates.TryComplete(e);
            throw;
        }
    }

    private static TranscriptionRequest CreateRequest(Stream audioSpeechStream, SpeechToTextOptions? options)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);
        var fileName = options?.AdditionalProperties?.TryGetValue(FileNameProperty, out var name) == true && name is string given && given.Length > 0
            ? given
            : audioSpeechStream is FileStream file ? Path.GetFileName(file.Name) : DefaultFileName;
        return TranscriptionRequest.FromStream(audioSpeechStream, fileName) with { Language = options?.SpeechLanguage };
    }

    private SpeechToTextResponse ToResponse(Transcript transcript) => new(transcript.Text)
    {
        ResponseId = transcript.JobId,
        ModelId = _transcriber.Vendor,
        StartTime = transcript.Segments.Count > 0 ? transcript.Segments[0].Start : TimeSpan.Zero,
        EndTime = transcript.Duration,
        RawRepresentation = transcript,
        Usage = UsageOf(transcript.Usage),
    };

    /// <summary>What <see cref="UsageDetails"/> can hold of the usage: whole-number counts only; null when nothing is known.</summary>
    private static UsageDetails? UsageOf(TranscriptUsage usage)
    {
        var counts = new AdditionalPropertiesDictionary<long>();
        if (usage.MediaDuration is { } duration)
        {
            counts[SpeechToTextClientExtensions.MediaMillisecondsCount] = (long)Math.Round(duration.TotalMilliseconds, MidpointRounding.AwayFromZero);
        }

        if (usage is { Charge: { } charge, Unit: { } unit } && charge == decimal.Truncate(charge))
        {
            counts[SpeechToTextClientExtensions.ChargeCountPrefix + unit] = (long)charge;
        }

        return counts.Count == 0 ? null : new UsageDetails { AdditionalCounts = counts };
    }
}
