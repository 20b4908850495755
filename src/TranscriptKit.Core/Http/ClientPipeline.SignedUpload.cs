using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Errors;

namespace TranscriptKit.Runtime;

/// <summary>Sends a file's bytes to a signed storage URL: streamed, with byte progress, and without the vendor's credentials.</summary>
public sealed partial class ClientPipeline
{
    /// <summary>Checks an upload before anything is sent: the size must be known and within the vendor's limit.</summary>
    /// <returns>The size in bytes.</returns>
    public long CheckUploadSize(UploadFile file, long? maxBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        var length = file.Length ?? throw new ArgumentException(
            $"{Vendor.DisplayName} needs the file size before the upload starts: pass a seekable stream or a file path.", nameof(file));
        if (maxBytes is { } max && length > max)
        {
            throw new ArgumentException($"{file.FileName} is {length:N0} bytes; {Vendor.DisplayName} accepts at most {max:N0} bytes.", nameof(file));
        }

        return length;
    }

    /// <summary>Streams <paramref name="file"/> to a signed URL with the given method (PUT for S3-style URLs).</summary>
    public async Task SendToSignedUrlAsync(string url, string method, UploadFile file, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        // On Unix "/uploads/x" parses as an absolute file:// URI, so check the scheme, not only absoluteness.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new TranscriptKitResponseException(Vendor.Id, $"{Vendor.DisplayName} returned an upload URL that is not an absolute http(s) URL.");
        }

        // The signature is the credential here; a plain-http URL would expose it, and the file.
        EndpointSecurity.EnsureSecure(uri, $"{Vendor.DisplayName} upload URL");
        var operation = new OperationDescriptor($"upload of {file.FileName} to storage", Idempotent: true);
        // Storage, not the vendor's API: no request permit, but it is the upload the plan's concurrency limit counts.
        using var permits = await AcquireAsync(request: false, upload: true, cancellationToken).ConfigureAwait(false);
        Answer answer;
        try
        {
            // Storage PUTs are idempotent: a seekable file is sent again after a 5xx or a transport fault. The
            // exchange runs under the upload idle timeout while bytes move, then the request timeout for the answer.
            answer = await ExecuteWithRetriesAsync(
                new CallShape(Idempotent: true, Replayable: file.CanReplay),
                static (state, ct) =>
                {
                    state.File.Rewind();
                    var message = new HttpRequestMessage(new HttpMethod(state.Method), state.Uri) { Content = new ProgressStreamContent(state.File, state.Progress) };
                    return state.Self.ExchangeAsync(message, state.Operation, streamingBody: true, eventStream: false, pooled: true, ct);
                },
                (Self: this, Method: method, Uri: uri, File: file, Progress: progress, Operation: operation),
                cancellationToken).ConfigureAwait(false);
        }
        catch (AttemptTimeoutException ex)
        {
            throw new TranscriptKitTimeoutException(
                Vendor.Id,
                $"{Vendor.DisplayName}'s storage did not {ex.What} during the {operation.OperationId}.",
                job: null,
                ex.Timeout,
                ex).ForCall(operation.OperationId, SubmissionOutcome.NotASubmission);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new TranscriptKitTransportException(Vendor.Id, _mask.Apply($"Could not upload {file.FileName} to {Vendor.DisplayName}'s storage: {ex.Message}"), ex)
                .ForCall(operation.OperationId, SubmissionOutcome.NotASubmission);
        }

        try
        {
            if (!answer.Response.IsSuccessStatusCode)
            {
                throw ErrorResponseMapper.Map(
                    Vendor with { DisplayName = Vendor.DisplayName + " storage" },
                    answer.Response,
                    answer.Body.Span,
                    TimeProvider,
                    operation.OperationId,
                    _mask,
                    " The signed upload URL may have expired or not match the file; upload again to get a new one.").ForCall(operation.OperationId, SubmissionOutcome.NotASubmission);
            }
        }
        finally
        {
            answer.Body.Release();
            answer.Dispose();
        }
    }
}
