using System;
using System.Net.Http;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Kiota.Abstractions;
using TranscriptKit.Authentication;
using TranscriptKit.Runtime;
using TranscriptKit.Tests;

namespace TranscriptKit.Core.Tests.Http;

internal sealed class TestOptions(Uri endpoint) : TranscriptKitClientOptions(endpoint);

/// <summary>A pipeline for a made-up vendor over the in-memory transport, on a fake clock.</summary>
internal sealed class PipelineFixture
{
    public static readonly VendorDescriptor Vendor = new("testvendor", "Test Vendor", ["msg", "error.message", "error"], ["error.code", "code"]);
    public static readonly OperationDescriptor Get = new("getThing", Idempotent: true);
    public static readonly OperationDescriptor StartJob = new("startJob", Idempotent: false);

    /// <summary>Reads any JSON object as "ok": for tests about the exchange, not the model.</summary>
    public static readonly JsonReadFunc<string> ReadOk = (ref System.Text.Json.Utf8JsonReader reader) =>
    {
        JsonPrimitives.ExpectStartObject(ref reader, "Ok");
        reader.Skip();
        return "ok";
    };

    public PipelineFixture(string endpoint = "https://api.example.com/v1", RetryOptions? retry = null, TimeSpan? requestTimeout = null, Action<TestOptions>? configure = null, VendorDescriptor? vendor = null, HttpMessageHandler? handler = null)
    {
        Options = new TestOptions(new Uri(endpoint))
        {
            TimeProvider = Clock,
            Retry = retry ?? new RetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(4) },
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(100),
        };
        configure?.Invoke(Options);
        Pipeline = new ClientPipeline(vendor ?? Vendor, Options, new BearerTokenAuthenticationProvider("secret-key-123"), new HttpClient(handler ?? Handler));
    }

    public FakeTimeProvider Clock { get; } = new();

    public StubHandler Handler { get; } = new();

    public TestOptions Options { get; }

    public ClientPipeline Pipeline { get; }

    public RequestInformation Request(Method method = Method.GET, string template = "{+baseurl}/things/{id}")
    {
        var request = Pipeline.CreateRequest(method, template);
        request.PathParameters["id"] = "42";
        return request;
    }
}
