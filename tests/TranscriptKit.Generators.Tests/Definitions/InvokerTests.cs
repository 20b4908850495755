using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Definitions;

/// <summary>The generated operation invokers: wire text in, the typed method called, the result written by the generated writers.</summary>
[CancelAfter(10_000)]
public class InvokerTests
{
    private static readonly Lazy<VendorDefinition> s_probe = new(() => DefinitionSpec.Load(DefinitionSpec.With()));

    // Compile the probe outside [CancelAfter]: the guard bounds the calls, and a Roslyn compile on a loaded machine is not one.
    [OneTimeSetUp]
    public void CompileProbe() => _ = s_probe.Value;

    [Test]
    public async Task A_JSON_body_is_parsed_and_the_result_is_written_back_as_JSON(CancellationToken cancellationToken)
    {
        var (result, requests) = await Call("createJob", new OperationArguments { Body = Encoding.UTF8.GetBytes("""{"url":"https://v.example/1"}""") }, """{"id":"j1","status":"queued","extra":1}""", cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(requests[0], Is.EqualTo("POST https://api.example.com/v1/jobs {\"url\":\"https://v.example/1\"}"));
            Assert.That(result.Text, Is.EqualTo("""{"id":"j1","status":"queued"}"""));
            Assert.That(result.Events, Is.Null);
        });
    }

    [Test]
    public async Task Path_values_fill_the_template(CancellationToken cancellationToken)
    {
        var (_, requests) = await Call("getJob", new OperationArguments { Path = Values(("jobId", "a b")) }, """{"id":"a b","status":"done"}""", cancellationToken);
        Assert.That(requests[0], Is.EqualTo("GET https://api.example.com/v1/jobs/a%20b"));
    }

    [Test]
    public async Task Query_values_are_converted_to_their_types_and_absent_ones_are_not_sent(CancellationToken cancellationToken)
    {
        var (result, requests) = await Call("listJobs", new OperationArguments { Query = Values(("limit", "5"), ("level", "high")) }, """[{"id":"j1","status":"done"}]""", cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(requests[0], Is.EqualTo("GET https://api.example.com/v1/jobs?limit=5&level=high"));
            Assert.That(result.Text, Is.EqualTo("""[{"id":"j1","status":"done"}]"""));
        });
    }

    [Test]
    public async Task A_text_result_is_returned_as_is_and_no_body_as_null(CancellationToken cancellationToken)
    {
        var (text, _) = await Call("getText", new OperationArguments { Path = Values(("jobId", "j1")) }, "plain words", cancellationToken);
        var (none, _) = await Call("charge", new OperationArguments { Path = Values(("jobId", "j1")) }, (string?)null, cancellationToken);
        Assert.That((text.Text, none.Text), Is.EqualTo(("plain words", (string?)null)));
    }

    [Test]
    public void A_value_that_is_not_of_its_type_is_an_ArgumentException_naming_it() =>
        Assert.That(() => Call("listJobs", new OperationArguments { Query = Values(("limit", "five")) }, "[]", CancellationToken.None), Throws.ArgumentException.With.Message.Contains("'five' of 'limit'"));

    [Test]
    public void A_missing_required_value_is_an_ArgumentException_naming_it_before_anything_is_sent()
    {
        var handler = new Recorder("{}");
        Assert.Multiple(() =>
        {
            Assert.That(() => Call("getJob", new OperationArguments(), handler, CancellationToken.None), Throws.ArgumentException.With.Message.Contains("path value 'jobId'"));
            Assert.That(() => Call("createJob", new OperationArguments(), handler, CancellationToken.None), Throws.ArgumentException.With.Message.Contains("createJob needs a JSON body"));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [Test]
    public void Asking_to_stream_an_operation_without_x_tk_sse_is_an_ArgumentException() =>
        Assert.That(() => Call("getJob", new OperationArguments { Path = Values(("jobId", "j1")), Stream = true }, "{}", CancellationToken.None), Throws.ArgumentException.With.Message.Contains("no event-stream variant"));

    [Test]
    public void Another_vendors_client_is_an_ArgumentException() =>
        Assert.That(() => s_probe.Value.GetOperation("getJob").Invoke!(new object(), new OperationArguments(), CancellationToken.None), Throws.ArgumentException.With.Message.Contains("IProbeClient"));

    [Test]
    public void Every_operation_with_wire_text_arguments_has_an_invoker() =>
        Assert.That(s_probe.Value.Operations, Has.All.Property(nameof(VendorOperation.Invoke)).Not.Null);

    private static Dictionary<string, string> Values(params (string Name, string Value)[] values)
    {
        var result = new Dictionary<string, string>();
        foreach (var (name, value) in values)
        {
            result[name] = value;
        }

        return result;
    }

    private static Task<(OperationResult Result, List<string> Requests)> Call(string operationId, OperationArguments arguments, string? response, CancellationToken cancellationToken) =>
        Call(operationId, arguments, new Recorder(response), cancellationToken);

    private static async Task<(OperationResult Result, List<string> Requests)> Call(string operationId, OperationArguments arguments, Recorder handler, CancellationToken cancellationToken)
    {
        var definition = s_probe.Value;
        var options = definition.CreateClientOptions("key");
        options.Retry = new RetryOptions { MaxRetries = 0 };
        using var http = new HttpClient(handler);
        using var client = definition.CreateClient(options, http);
        var result = await definition.GetOperation(operationId).Invoke!(client, arguments, cancellationToken);
        return (result, handler.Requests);
    }

    /// <summary>Answers every request with one body (204 when none) and records "METHOD URL body".</summary>
    private sealed class Recorder(string? response) : HttpMessageHandler
    {
        public List<string> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : " " + await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add($"{request.Method} {request.RequestUri!.AbsoluteUri}{body}");
            if (response is null)
            {
                return new HttpResponseMessage(HttpStatusCode.NoContent) { Content = new ByteArrayContent([]) };
            }

            var mediaType = response.StartsWith('{') || response.StartsWith('[') ? "application/json" : "text/plain";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(response, Encoding.UTF8, mediaType) };
        }
    }
}
