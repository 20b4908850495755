using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using TranscriptKit.Cli.Commands;

namespace TranscriptKit.Cli;

/// <summary>
/// Turns an exception into a short message on stderr and an exit code. Expected failures (usage, vendor errors)
/// never show a stack trace: they say which vendor, what status, and what to do next.
/// </summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, bool verbose, bool cancelled, TextWriter error)
    {
        switch (exception)
        {
            case OperationCanceledException when cancelled:
                error.WriteLine("Cancelled.");
                return ExitCodes.Cancelled;
            case TranscriptionSubmissionUnknownException unknown:
                return ReportSubmissionUnknown(unknown, cancelled, error);
            case UsageException usage:
                error.WriteLine(usage.Message);
                return ExitCodes.Usage;
            case FileNotFoundException missing:
                error.WriteLine(missing.Message);
                return ExitCodes.Usage;
            case TranscriptionNotSupportedException notSupported:
                error.WriteLine($"{VendorConnection.DisplayName(notSupported.Vendor)} cannot take this request: {notSupported.Message}");
                error.WriteLine("Nothing was sent to the vendor.");
                return ExitCodes.VendorError;
            case TranscriptKitTimeoutException timeout:
                error.WriteLine($"{VendorConnection.DisplayName(timeout.Vendor)} timed out: {timeout.Message}");
                error.WriteLine("Try again later, or give a longer --timeout.");
                return ExitCodes.Timeout;
            case TranscriptKitException vendorError:
                error.WriteLine(Describe(vendorError));
                error.WriteLine(Advice(vendorError));
                return ExitCodes.VendorError;
            case ArgumentException or UnauthorizedAccessException:
                // The facade's own checks of what the command line passed (an endpoint it refuses, an empty or unreadable file).
                error.WriteLine(Message(exception));
                return ExitCodes.Usage;
            default:
                error.WriteLine(verbose
                    ? $"Unexpected error: {exception}"
                    : $"Unexpected error: {exception.GetType().Name}: {exception.Message} (run with --verbose for details)");
                return ExitCodes.Unexpected;
        }
    }

    /// <summary>
    /// A submit whose answer was lost: the vendor may have the job (and the money). The token comes first when the job
    /// id was known before the submit; otherwise how to check, never "try again".
    /// </summary>
    private static int ReportSubmissionUnknown(TranscriptionSubmissionUnknownException exception, bool cancelled, TextWriter error)
    {
        var name = VendorConnection.DisplayName(exception.Vendor);
        var cause = exception.InnerException switch
        {
            OperationCanceledException => "cancelled while the submit was in flight",
            TranscriptKitException vendorError => Describe(vendorError).TrimEnd('.'),
            { } other => other.Message.TrimEnd('.'),
            null => "no answer",
        };
        if (exception.Job is { } job)
        {
            error.WriteLine($"Job token (the job may have been accepted): transcriptkit resume {job.ToToken()}");
            error.WriteLine($"{name} may have accepted the job {job.Id}, but the answer to the submit was lost: {cause}.");
            error.WriteLine("Do not submit it again: resume it with the command above, which waits for it (or says that the vendor does not know it).");
        }
        else
        {
            error.WriteLine($"{name} may have accepted the job, but the answer to the submit was lost: {cause}.");
            var command = AccountCommands.CheckCommand(exception.Vendor) is { } check ? $"; `{check}` shows them" : "";
            error.WriteLine($"Running this again may pay twice. First check {exception.HowToCheck}{command}; submit again only if the job is not there.");
        }

        return exception switch
        {
            { Cancelled: true } when cancelled => ExitCodes.Cancelled,
            { TimedOut: true } => ExitCodes.Timeout,
            _ => ExitCodes.VendorError,
        };
    }

    /// <summary>The exception's message (which names the vendor), plus the HTTP status, vendor code and request id when it does not say them.</summary>
    public static string Describe(TranscriptKitException exception)
    {
        var name = VendorConnection.DisplayName(exception.Vendor);
        var message = exception.Message.TrimEnd('.');
        var text = new StringBuilder(message.Contains(name, StringComparison.OrdinalIgnoreCase) ? message : $"{name}: {message}");
        if (exception.Status is { } status && !message.Contains(((int)status).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            text.Append($" (HTTP {(int)status})");
        }

        if (exception.ErrorCode is { Length: > 0 } code && !message.Contains(code, StringComparison.Ordinal))
        {
            text.Append($" (vendor code {code})");
        }

        if (exception.VendorMessage is { Length: > 0 } vendorMessage && !message.Contains(vendorMessage, StringComparison.Ordinal))
        {
            text.Append($" (vendor says: {vendorMessage})");
        }

        if (exception.RequestId is { Length: > 0 } requestId)
        {
            text.Append($" [request id {requestId}]");
        }

        return text.Append('.').ToString();
    }

    private static string Advice(TranscriptKitException exception)
    {
        var vendor = exception.Vendor;
        return exception switch
        {
            TranscriptKitAuthenticationException => AuthAdvice(vendor),
            TranscriptKitInsufficientCreditsException => AccountCommands.TopUpAdvice(vendor),
            TranscriptKitRateLimitException rateLimit => rateLimit.RetryAfter is { } after
                ? $"Too many requests: wait {Math.Ceiling(after.TotalSeconds):0} s and try again."
                : "Too many requests: wait a little and try again.",
            TranscriptKitNotFoundException => "The vendor does not know this job or resource: check the job token and that --endpoint is the one that accepted it.",
            // Before its base: the job may still finish, so the advice is to resume, not to fix the media.
            TranscriptKitUnknownJobStatusException unknown =>
                $"The vendor reported state {(unknown.RawStatus is { } raw ? $"'{raw}'" : "(none)")}, which its spec does not list{(unknown.VendorMessage is { Length: > 0 } said ? $" (it said: \"{said}\")" : string.Empty)}; the job may still finish: run `transcriptkit resume {unknown.Job}` later, and report the state so the spec can learn it.",
            TranscriptKitJobFailedException => "The vendor could not transcribe this media: check that it has audible speech and a supported format.",
            TranscriptKitBadRequestException => "The vendor rejected the request: check the input and options against `transcriptkit vendors`.",
            TranscriptKitServerException => "The vendor had a problem on its side: try again later (a job it accepted can be resumed).",
            TranscriptKitResponseException => "The vendor's answer did not match its documented shape: report it with the request id.",
            _ => exception.Status switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => AuthAdvice(vendor),
                null => "Check the network and --endpoint, then try again.",
                _ => "Check the request, then try again.",
            },
        };
    }

    private static string AuthAdvice(string vendor) =>
        Transcribers.Registry.TryGet(vendor, out var registered) && registered.Definition.Credentials.RequiresSecret
        ? $"Check the API key and secret (--api-key/--api-secret or {VendorConnection.KeyVariable(vendor)}/{VendorConnection.SecretVariable(vendor)})."
        : $"Check the API key (--api-key or {VendorConnection.KeyVariable(vendor)}).";

    /// <summary>The message without the " (Parameter 'x')" that <see cref="ArgumentException"/> appends.</summary>
    public static string Message(Exception exception) =>
        exception is ArgumentException { ParamName: { } name } && exception.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? exception.Message[..^($" (Parameter '{name}')".Length)]
            : exception.Message;
}
