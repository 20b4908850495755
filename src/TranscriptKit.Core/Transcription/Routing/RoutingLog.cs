using System;
using Microsoft.Extensions.Logging;

namespace TranscriptKit;

// Reasons come from capabilities or from Core's exceptions, which carry no credentials.
internal static partial class RoutingLog
{
    [LoggerMessage(101, LogLevel.Information, "Routing attempt with {Vendor}: {Outcome} ({Reason})")]
    public static partial void Attempt(ILogger logger, Exception? exception, string vendor, RouteAttemptOutcome outcome, string reason);
}
