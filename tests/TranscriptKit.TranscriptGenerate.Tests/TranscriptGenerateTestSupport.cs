using System;
using System.Net.Http;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace TranscriptKit.TranscriptGenerate.Tests;

/// <summary>Builds clients on the in-memory transport and a fake clock, with the docs' example key and secret.</summary>
internal static class TestClients
{
    public const string ApiKey = TranscriptGenerateDocExamples.ApiKey;

    public const string ApiSecret = TranscriptGenerateDocExamples.ApiSecret;

    public const string Vendor = "transcriptgenerate";

    public const string BaseUrl = "https://api.transcriptgenerate.com/open-gateway";

    public static readonly Uri Endpoint = new(BaseUrl);

    /// <summary>Retries off, so a test about something else never waits on a backoff.</summary>
    public static readonly RetryOptions NoRetries = new() { MaxRetries = 0 };

    public static TranscriptGenerateClientOptions Options(FakeTimeProvider time, RetryOptions? retry = null, Uri? endpoint = null) => new()
    {
        ApiKey = ApiKey,
        ApiSecret = ApiSecret,
        Endpoint = endpoint ?? Endpoint,
        TimeProvider = time,
        Retry = retry ?? NoRetries,
    };

    public static TranscriptGenerateClient Create(HttpMessageHandler handler, FakeTimeProvider time, RetryOptions? retry = null, Uri? endpoint = null) =>
        new(new HttpClient(handler), Options(time, retry, endpoint));

    /// <summary>Neither credential appears in the exception's message, its ToString (with inner exceptions) or its vendor message.</summary>
    public static void AssertNoCredentials(Exception error)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Not.Contain(ApiKey).And.Not.Contain(ApiSecret));
            Assert.That(error.ToString(), Does.Not.Contain(ApiKey).And.Not.Contain(ApiSecret));
            if (error is TranscriptKitException vendorError)
            {
                Assert.That(vendorError.VendorMessage ?? string.Empty, Does.Not.Contain(ApiKey).And.Not.Contain(ApiSecret));
            }
        });
    }
}
