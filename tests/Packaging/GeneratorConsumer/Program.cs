// Built only from packages (tests/Packaging/run.sh): the packed generator turned acme.yaml, declared with
// <TranscriptKitSpec Namespace="Acme.Speech">, into AcmeClient; unrelated.yaml (broken YAML in AdditionalFiles) was
// ignored, or the build would have failed with TK0001. The client is then called against a loopback server, so the
// packaged runtime (pipeline, auth, JSON) is proven too, not only the generated type names. Finally AcmeTranscriber joins
// the facade through the open registry and transcribes through ITranscriber, as a built-in vendor would. acme.yaml declares a bearer
// scheme because the generator emits AcmeVendor.Definition (what the registry and sandbox need) only for a spec with auth.
using System.Net;
using System.Net.Sockets;
using Acme.Speech;
using TranscriptKit;

// Bounded: a regression fails the script instead of hanging CI.
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

// HttpListener needs a concrete port: borrow a free ephemeral one from the OS.
var probe = new TcpListener(IPAddress.Loopback, 0);
probe.Start();
var port = ((IPEndPoint)probe.LocalEndpoint).Port;
probe.Stop();

using var listener = new HttpListener();
listener.Prefixes.Add($"http://127.0.0.1:{port}/v1/");
listener.Start();
var server = Task.Run(async () =>
{
    // Two exchanges: the typed client's GET /balance, then the facade's POST /transcribe.
    for (var i = 0; i < 2; i++)
    {
        var context = await listener.GetContextAsync().WaitAsync(timeout.Token);
        var request = context.Request;
        var authorized = request.Headers["Authorization"] == "Bearer acme-key";
        var body = (request.HttpMethod, request.Url?.AbsolutePath) switch
        {
            ("GET", "/v1/balance") when authorized => """{"minutes":42}""",
            ("POST", "/v1/transcribe") when authorized && new StreamReader(request.InputStream).ReadToEnd().Contains("https://media.example/talk.mp3") => """{"text":"hello from acme"}""",
            _ => null,
        };
        context.Response.StatusCode = body is null ? 404 : 200;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(body ?? """{"error":"unexpected request"}"""), timeout.Token);
        context.Response.Close();
    }
});

var endpoint = new Uri($"http://127.0.0.1:{port}/v1");
using var client = new AcmeClient(new AcmeClientOptions { ApiKey = "acme-key", Endpoint = endpoint });
var balance = await client.GetBalanceAsync(timeout.Token);

// The user's vendor joins the facade through the open registry, next to the five built-in ones.
Transcribers.Register(AcmeTranscriber.Registration);
var transcriber = Transcribers.Create("acme", new VendorSettings { ApiKey = "acme-key", Endpoint = endpoint });
var transcript = await transcriber.TranscribeAsync(TranscriptionRequest.FromUrl("https://media.example/talk.mp3"), cancellationToken: timeout.Token);
await server;
Console.WriteLine($"{typeof(AcmeClient).FullName} vendor={AcmeVendor.Definition.Id} balance={balance.Minutes} facade={transcript.Vendor}:{transcript.Text}");
return balance.Minutes == 42 && transcript.Text == "hello from acme" ? 0 : 1;
