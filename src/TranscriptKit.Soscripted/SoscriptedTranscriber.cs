using System;
using System.Diagnostics;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Soscripted;

namespace TranscriptKit;

/// <summary>Soscripted's flow: one call with a social URL, answered as Server-Sent Events (progress, final, done).</summary>
/// <param name="client">The Soscripted client; the caller keeps owning it.</param>
/// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
public sealed class SoscriptedTranscriber(ISoscriptedClient client, TranscriberOptions? options = null) : TranscriberBase(SoscriptedVendor.Definition, options)
{
    // Vendor facts (file types, upload size, concurrency) come from the spec, through the generated definition.
    private static readonly TranscriberCapabilities s_capabilities = new TranscriberCapabilities
    {
        AcceptsFiles = false,
        AcceptsUrls = true,
        UrlKinds = "social video links (YouTube, TikTok, Instagram and others)",
        Timings = true,
        WordTimestamps = false,
        AcceptsLanguage = false,
        ReportsProgress = true,
        ResumableJobs = false,
    }.WithLimits(SoscriptedVendor.Definition.Limits);

    /// <summary>The vendor for a <see cref="TranscriberRegistry"/> (the facade package's <c>Transcribers.Registry</c> already holds it): id, definition, capabilities and how to make this adapter.</summary>
    public static TranscriptionVendor Registration { get; } =
        new(SoscriptedVendor.Definition, s_capabilities, static (client, options) => new SoscriptedTranscriber((ISoscriptedClient)client, options));

    /// <inheritdoc/>
    public override TranscriberCapabilities Capabilities => s_capabilities;

    // One call, 1 credit each, no job id: a lost answer cannot be resumed, only found in the account's credit usage.
    /// <inheritdoc/>
    protected override string HowToCheckSubmission => "your Soscripted account's credit usage (each request costs 1 credit and has no job to resume)";

    // The event stream rather than the blocking call: same request and result, plus progress as it happens.
    /// <inheritdoc/>
    protected override async Task<Transcript> TranscribeCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, Activity? activity, CancellationToken cancellationToken)
    {
        Report(progress, TranscriptionStage.Submitting);
        var body = new TranscribeRequest { Url = request.Url!.AbsoluteUri };
        var final = await SubmitAsync(
            async ct =>
            {
                FinalEvent? last = null;
                await foreach (var e in client.TranscribeStreamAsync(body, ct).ConfigureAwait(false))
                {
                    if (e.Progress is { } p)
                    {
                        Report(progress, TranscriptionStage.Processing, p.Pct, p.Stage);
                    }
                    else if (e.Final is { } f)
                    {
                        last = f;
                    }
                    else if (e.Done is { Ok: false } done && last is not { Ok: false })
                    {
                        // A stream that fails after its final event (or without one) says so in done.
                        throw Failed(request, done.Error, "done");
                    }
                }

                return last;
            },
            knownJob: null,
            cancellationToken).ConfigureAwait(false);

        if (final is null)
        {
            throw new TranscriptKitResponseException(Vendor, "Soscripted's event stream ended without a final event, so there is no transcript.");
        }

        if (!final.Ok)
        {
            throw Failed(request, final.Error, "final");
        }

        if (final.Caption is null)
        {
            throw new TranscriptKitResponseException(Vendor, "Soscripted's final event said ok: true but carried no caption, so there is no transcript.");
        }

        var segments = final.Caption.Segments
            .Select(s => new TranscriptKit.TranscriptSegment(Seconds(s.Start), Seconds(s.End), s.Text.Trim()))
            .ToList();
        return new Transcript(Vendor, jobId: null, final.Caption.Text, segments, duration: null);
    }

    // The docs' examples branch on data.ok and print data.error: ok:false is the vendor saying it could not
    // transcribe this URL, a failed job (the credit may be spent), not a malformed answer.
    private TranscriptKitJobFailedException Failed(TranscriptionRequest request, string? vendorMessage, string eventName)
    {
        // No job id exists; the token names the request (URL without its query) so logs and support can match it.
        var source = request.Url!.GetLeftPart(UriPartial.Path);
        var job = new JobToken(Vendor, "Transcribe", new[] { new KeyValuePair<string, string>("url", source) });
        return new TranscriptKitJobFailedException(
            Vendor,
            $"Soscripted could not transcribe {source}: its {eventName} event said ok: false" + (string.IsNullOrWhiteSpace(vendorMessage) ? "." : $" with \"{vendorMessage}\".") + " There is no job to resume; check the URL before trying again (each request costs 1 credit).",
            job,
            "ok:false",
            vendorMessage);
    }
}
