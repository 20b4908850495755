// Published with Native AOT from packages only (tests/Packaging/aot.sh): Subclip alone, through its registration (the
// vendor-neutral ITranscriber of TranscriptKit.Core, no facade package), against
// the sandbox that FacadeConsumer serves (`FacadeConsumer serve` prints its endpoint and key). Exits non-zero unless a
// transcript comes back.
using TranscriptKit;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: AotConsumer <subclip endpoint> <api key>");
    return 2;
}

using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
var transcriber = SubclipTranscriber.Registration.Create(
    new VendorSettings
    {
        ApiKey = args[1],
        Endpoint = new Uri(args[0]),
        Polling = new PollingOverride { InitialInterval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(30) },
    });

using var media = new MemoryStream(new byte[4096]);
var transcript = await transcriber.TranscribeAsync(TranscriptionRequest.FromStream(media, "talk.mp3") with { Language = "en" }, cancellationToken: timeout.Token);
Console.WriteLine($"aot {transcript.Vendor} job={transcript.JobId is not null} text={transcript.Text.Length > 0}");
return transcript.Text.Length > 0 ? 0 : 1;
