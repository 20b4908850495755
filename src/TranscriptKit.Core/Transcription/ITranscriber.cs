using System;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit;

/// <summary>
/// One vendor behind one interface: transcribe a file, stream or URL and get a normalized <see cref="Transcript"/>.
/// Create one with <c>client.AsTranscriber()</c>, <c>Transcribers.Create</c>, or from DI
/// (<c>AddTranscriptKit</c>: keyed by vendor id, or through <see cref="ITranscriberFactory"/>). Thread-safe.
/// </summary>
public interface ITranscriber
{
    /// <summary>The vendor id (<see cref="VendorDefinition.Id"/>).</summary>
    string Vendor { get; }

    /// <summary>What this vendor accepts and returns.</summary>
    TranscriberCapabilities Capabilities { get; }

    /// <summary>Runs the vendor's whole flow (upload, submit, wait, fetch) and returns the transcript.</summary>
    /// <param name="request">What to transcribe.</param>
    /// <param name="progress">Upload bytes, vendor states and percentages as they happen.</param>
    /// <param name="cancellationToken">Stops the flow at once. A job already accepted keeps running at the vendor.</param>
    /// <exception cref="TranscriptionNotSupportedException">The vendor cannot serve the request; nothing was sent.</exception>
    /// <exception cref="ArgumentException">The file or stream is empty; nothing was sent.</exception>
    /// <exception cref="TranscriptionSubmissionUnknownException">The job-starting request was sent but its answer was lost (or cancelled in flight): the vendor may have accepted it. Resume its <see cref="TranscriptionSubmissionUnknownException.Job"/> when there is one; never submit again blindly.</exception>
    /// <exception cref="TranscriptKitException">The vendor refused or failed the job, or the wait timed out.</exception>
    Task<Transcript> TranscribeAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Uploads and submits, returning as soon as the vendor has accepted the job.</summary>
    /// <param name="request">What to transcribe.</param>
    /// <param name="cancellationToken">Cancels the upload or submission.</param>
    /// <exception cref="TranscriptionNotSupportedException">The vendor cannot serve the request, or has no resumable jobs (<see cref="TranscriberCapabilities.ResumableJobs"/>).</exception>
    /// <exception cref="ArgumentException">The file or stream is empty; nothing was sent.</exception>
    /// <exception cref="TranscriptionSubmissionUnknownException">The job-starting request was sent but its answer was lost, or the caller cancelled while it was in flight: the vendor may have accepted (and charged for) the job. Resume its <see cref="TranscriptionSubmissionUnknownException.Job"/> when there is one; otherwise check <see cref="TranscriptionSubmissionUnknownException.HowToCheck"/> before submitting again.</exception>
    Task<TranscriptionJob> StartAsync(TranscriptionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Uploads and submits, reporting upload progress; see <see cref="StartAsync(TranscriptionRequest, CancellationToken)"/>.</summary>
    /// <param name="request">What to transcribe.</param>
    /// <param name="progress">Upload and submission progress.</param>
    /// <param name="cancellationToken">Cancels the upload or submission.</param>
    Task<TranscriptionJob> StartAsync(TranscriptionRequest request, IProgress<TranscriptionProgress>? progress, CancellationToken cancellationToken = default);

    /// <summary>Waits for a job (possibly started by another process, see <see cref="TranscriptionJob.FromToken"/>) and returns its transcript. Never submits again.</summary>
    /// <param name="job">The job from <see cref="StartAsync(TranscriptionRequest, CancellationToken)"/> or a token.</param>
    /// <param name="progress">Vendor states and percentages.</param>
    /// <param name="cancellationToken">Stops waiting at once; the job keeps running at the vendor and can be resumed.</param>
    Task<Transcript> WaitAsync(TranscriptionJob job, IProgress<TranscriptionProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The expected charge of <paramref name="request"/> before paying for it: the media's length read locally from the
    /// file's container headers, priced by the vendor's documented rule. Sends nothing. A URL's length is unknown until
    /// the vendor fetches it, so its estimate says so unless the vendor charges per request.
    /// </summary>
    /// <param name="request">What would be transcribed.</param>
    /// <param name="cancellationToken">Cancels reading the file's headers.</param>
    /// <returns>The estimate; its <see cref="TranscriptionEstimate.Charge"/> is <see langword="null"/> when it cannot be known.</returns>
    /// <remarks>The default (for transcribers that are not a <see cref="TranscriberBase"/>) knows no pricing and reports the length only.</remarks>
    Task<TranscriptionEstimate> EstimateAsync(TranscriptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(TranscriptionEstimate.For(Vendor, Vendor, pricing: null, request, MediaLength.Of(request)));
    }
}
