// <readme:dependency-injection>
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TranscriptKit;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddTranscriptKit(builder.Configuration);
// appsettings.json: { "TranscriptKit": { "Vendors": { "subclip": { "ApiKey": "…" },
//                     "transcriptgenerate": { "ApiKey": "…", "ApiSecret": "…" }, "captioncat": { "ApiKey": "…", "Endpoint": "…" } } } }
builder.Services.AddSingleton<Captions>();

public sealed class Captions([FromKeyedServices("subclip")] ITranscriber transcriber)
{
    public Task<Transcript> TranscribeAsync(string path, CancellationToken ct) =>
        transcriber.TranscribeAsync(TranscriptionRequest.FromFile(path), progress: null, ct);
    // or ITranscriberFactory.Create(vendorIdFromSettings)
}
// </readme:dependency-injection>
