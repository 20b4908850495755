using System.Diagnostics;
using TranscriptKit;

namespace Acme.Speech;

/// <summary>
/// A user's own vendor joined to the facade: the adapter over the client the packaged generator made from acme.yaml,
/// and the registration that lets <c>Transcribers.Create("acme", …)</c> build it like a built-in vendor.
/// </summary>
public sealed class AcmeTranscriber(IAcmeClient client, TranscriberOptions? options = null) : TranscriberBase(AcmeVendor.Definition, options)
{
    private static readonly TranscriberCapabilities s_capabilities = new TranscriberCapabilities
    {
        AcceptsFiles = false,
        AcceptsUrls = true,
        UrlKinds = "public http(s) URLs",
        Timings = false,
        WordTimestamps = false,
        AcceptsLanguage = false,
        ReportsProgress = false,
        ResumableJobs = false,
    }.WithLimits(AcmeVendor.Definition.Limits);

    /// <summary>Acme for a <see cref="TranscriberRegistry"/>.</summary>
    public static TranscriptionVendor Registration { get; } =
        new(AcmeVendor.Definition, s_capabilities, static (client, options) => new AcmeTranscriber((IAcmeClient)client, options));

    /// <inheritdoc/>
    public override TranscriberCapabilities Capabilities => s_capabilities;

    /// <inheritdoc/>
    protected override string HowToCheckSubmission => "the Acme dashboard";

    /// <inheritdoc/>
    protected override async Task<Transcript> TranscribeCoreAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, Activity? activity, CancellationToken cancellationToken)
    {
        Report(progress, TranscriptionStage.Submitting);
        var result = await SubmitAsync(ct => client.TranscribeAsync(new TranscribeRequest { Url = request.Url!.AbsoluteUri }, ct), knownJob: null, cancellationToken).ConfigureAwait(false);
        return new Transcript(Vendor, jobId: null, result.Text, [], duration: null);
    }
}
