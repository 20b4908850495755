// Built only from packages (tests/Packaging/run.sh): the packed generator turned acme.yaml, declared with
// <TranscriptKitSpec Namespace="Acme.Speech">, into AcmeClient; unrelated.yaml (broken YAML in AdditionalFiles) was
// ignored, or the build would have failed with TK0001. The client is then called against a loopback server, so the
// packaged runtime (pipeline, auth, JSON) is proven too, not only the generated type names. acme.yaml declares a bearer
// scheme because the generator emits AcmeVendor.Definition (what the registry and sandbox need) only for a spec with auth.
using System.Net;
using System.Net.Sockets;
using Acme.Speech;

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
    var context = await listener.GetContextAsync().WaitAsync(timeout.Token);
    var ok = context.Request.Headers["Authorization"] == "Bearer acme-key" && context.Request.HttpMethod == "GET" && context.Request.Url?.AbsolutePath == "/v1/balance";
    context.Response.StatusCode = ok ? 200 : 404;
    context.Response.ContentType = "application/json";
    var body = ok ? """{"minutes":42}"""u8.ToArray() : """{"error":"unexpected request"}"""u8.ToArray();
    await context.Response.OutputStream.WriteAsync(body, timeout.Token);
    context.Response.Close();
});

using var client = new AcmeClient(new AcmeClientOptions { ApiKey = "acme-key", Endpoint = new Uri($"http://127.0.0.1:{port}/v1") });
var balance = await client.GetBalanceAsync(timeout.Token);
await server;
Console.WriteLine($"{typeof(AcmeClient).FullName} vendor={AcmeVendor.Definition.Id} balance={balance.Minutes}");
return balance.Minutes == 42 ? 0 : 1;
