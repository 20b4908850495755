// Built only from packages (tests/Packaging/run.sh): one vendor (Subclip) through the facade's registry, against the
// packaged sandbox, as a user's integration test would. Exits non-zero unless a transcript comes back.
using TranscriptKit;
using TranscriptKit.Sandbox;

// Bounded: a regression fails the script instead of hanging CI.
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

await using var sandbox = await VendorSandbox.StartAsync(new SandboxOptions { PendingPolls = 1 }, timeout.Token);
var transcriber = Transcribers.Create(
    "subclip",
    new VendorSettings
    {
        ApiKey = sandbox.ApiKey,
        Endpoint = sandbox.GetEndpoint("subclip"),
        Polling = new PollingOverride { InitialInterval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(30) },
    });

using var media = new MemoryStream(new byte[4096]);
var transcript = await transcriber.TranscribeAsync(TranscriptionRequest.FromStream(media, "talk.mp3") with { Language = "en" }, cancellationToken: timeout.Token);
Console.WriteLine($"{transcript.Vendor} job={transcript.JobId is not null} text={transcript.Text.Length > 0}");
return transcript.Text.Length > 0 ? 0 : 1;
