// Built only from packages (tests/Packaging/run.sh): one vendor (Subclip) through the facade's registry, against the
// packaged sandbox, as a user's integration test would. Exits non-zero unless a transcript comes back.
using TranscriptKit;
using TranscriptKit.Sandbox;

// Bounded: a regression fails the script instead of hanging CI.
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

await using var sandbox = await VendorSandbox.StartAsync(new SandboxOptions { PendingPolls = 1 }, args is ["serve"] ? CancellationToken.None : timeout.Token);

// `serve`: keep the packaged sandbox up for the Native AOT consumer (tests/Packaging/aot.sh) until stdin closes.
if (args is ["serve"])
{
    Console.WriteLine($"{sandbox.GetEndpoint("subclip")} {sandbox.ApiKey}");
    await Console.In.ReadToEndAsync();
    return 0;
}

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
