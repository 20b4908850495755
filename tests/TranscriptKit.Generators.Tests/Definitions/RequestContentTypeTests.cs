using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Definitions;

/// <summary>A request body with several content types: one client method per type, one descriptor, one invoker that picks.</summary>
public class RequestContentTypeTests
{
    /// <summary>The probe's createJob (a paid poll start) taking JSON or the file itself, as Cliptext's createTranscription does.</summary>
    private const string TwoBodies = """
              requestBody:
                required: true
                content:
                  application/json: { schema: { $ref: "#/components/schemas/JobRequest" } }
                  multipart/form-data:
                    schema:
                      type: object
                      required: [file]
                      properties:
                        file: { type: string, format: binary }
                        language: { type: string }
        """;

    private const string OneBody = """
              requestBody: { required: true, content: { application/json: { schema: { $ref: "#/components/schemas/JobRequest" } } } }
        """;

    private static readonly Lazy<VendorDefinition> s_probe = new(() => DefinitionSpec.Load(Spec(TwoBodies)));

    private static string Spec(string body) => DefinitionSpec.With(paths: DefinitionSpec.Paths.Replace("\r\n", "\n").Replace(OneBody.Replace("\r\n", "\n"), body.Replace("\r\n", "\n")));

    private static int Line(string yaml, string text) => yaml.Split('\n').ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Test]
    public void JSON_and_multipart_bodies_become_two_overloads_that_share_one_descriptor()
    {
        var client = GeneratedCode.AssertCompiles(Spec(TwoBodies)).Source("ProbeClient.g.cs");
        Assert.Multiple(() =>
        {
            Assert.That(client, Does.Contain("Task<Job> CreateJobAsync(JobRequest body, global::System.Threading.CancellationToken cancellationToken = default)"));
            Assert.That(client, Does.Contain("Task<Job> CreateJobAsync(global::TranscriptKit.UploadFile @file, string? language = null, global::System.IProgress<global::TranscriptKit.UploadProgress>? progress = null, global::System.Threading.CancellationToken cancellationToken = default)"));
            // One descriptor, not retried: the paid rule covers every content type of the operation.
            Assert.That(Regex.Matches(client, "s_createJob = new").Count, Is.EqualTo(1));
            Assert.That(client, Does.Contain("s_createJob = new(\"createJob\", false, null);"));
            Assert.That(Regex.Matches(client, @"SendAndReadJsonAsync\(request, content, s_createJob,").Count, Is.EqualTo(2));
        });
    }

    [Test]
    public void The_multipart_overload_streams_the_file_part_through_the_multipart_body()
    {
        var client = GeneratedCode.AssertCompiles(Spec(TwoBodies)).Source("ProbeClient.g.cs");
        Assert.Multiple(() =>
        {
            Assert.That(client, Does.Contain("var content = new global::TranscriptKit.Runtime.MultipartRequestBody(progress);"));
            Assert.That(client, Does.Contain("content.AddFile(\"file\", @file);"));
            Assert.That(client, Does.Contain("content.AddField(\"language\", language);"));
        });
    }

    [Test]
    public void The_interface_documents_which_content_type_each_overload_sends()
    {
        var contract = GeneratedCode.AssertCompiles(Spec(TwoBodies)).Source("IProbeClient.g.cs");
        Assert.Multiple(() =>
        {
            Assert.That(contract, Does.Contain("Sends the request body as <c>application/json</c>"));
            Assert.That(contract, Does.Contain("Sends the request body as <c>multipart/form-data</c>"));
        });
    }

    [Test]
    public void The_definition_has_one_operation_with_the_primary_method_name()
    {
        var operations = s_probe.Value.Operations.Where(o => o.OperationId == "createJob").ToList();
        Assert.That(operations.Select(o => (o.MethodName, o.StartsPaidJob, o.Idempotent, o.Invoke is not null)), Is.EqualTo(new[] { ("CreateJobAsync", true, false, true) }));
    }

    [Test]
    public async Task The_invoker_sends_a_JSON_body_as_JSON_and_a_file_as_multipart()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var json = await Call(new OperationArguments { Body = Encoding.UTF8.GetBytes("""{"url":"https://v.example/1"}""") }, HttpStatusCode.OK, cancel.Token);
        var file = await Call(new OperationArguments { File = UploadFile.FromStream(new MemoryStream(Encoding.ASCII.GetBytes("RIFF0000WAVE")), "a.wav"), Form = new Dictionary<string, string> { ["language"] = "en" } }, HttpStatusCode.OK, cancel.Token);
        Assert.Multiple(() =>
        {
            Assert.That(json.Single(), Does.StartWith("application/json ").And.Contain("\"url\":\"https://v.example/1\""));
            Assert.That(file.Single(), Does.StartWith("multipart/form-data ").And.Contain("name=\"file\"").And.Contain("RIFF0000WAVE").And.Contain("name=\"language\""));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public void A_multipart_create_answered_503_is_sent_once(CancellationToken cancellationToken)
    {
        // The client's default retry policy is on: only the operation's descriptor keeps the paid job from a second send.
        var requests = new List<string>();
        Assert.That(
            async () => await Call(new OperationArguments { File = UploadFile.FromStream(new MemoryStream(new byte[16]), "a.wav") }, HttpStatusCode.ServiceUnavailable, cancellationToken, requests),
            Throws.InstanceOf<TranscriptKitException>());
        Assert.That(requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void x_tk_method_names_the_method_of_its_content_type()
    {
        var yaml = Spec(TwoBodies.Replace("          multipart/form-data:\n", "          multipart/form-data:\n            x-tk-method: uploadJob\n"));
        var client = GeneratedCode.AssertCompiles(yaml).Source("ProbeClient.g.cs");
        Assert.Multiple(() =>
        {
            Assert.That(client, Does.Contain("Task<Job> UploadJobAsync(global::TranscriptKit.UploadFile @file,"));
            Assert.That(client, Does.Contain("Task<Job> CreateJobAsync(JobRequest body,"));
            Assert.That(client, Does.Contain("return _pipeline.SendAndReadJsonAsync(request, content, s_createJob,"));
        });
    }

    [Test]
    public void Two_content_types_with_the_same_required_parameter_types_are_TK0014_at_the_content()
    {
        // An optional JSON body and a form of optional fields would both be CreateJobAsync(…all optional…).
        var body = """
                  requestBody:
                    content:
                      application/json: { schema: { $ref: "#/components/schemas/JobRequest" } }
                      application/x-www-form-urlencoded: { schema: { type: object, properties: { url: { type: string } } } }
            """;
        var yaml = Spec(body);
        var diagnostic = GeneratedCode.AssertReports(yaml, "TK0014", Line(yaml, "application/json: { schema"), 11);
        Assert.That(diagnostic.GetMessage(), Does.Contain("x-tk-method"));
    }

    [Test]
    public void Clashing_content_types_compile_once_x_tk_method_names_one()
    {
        var body = """
                  requestBody:
                    content:
                      application/json: { schema: { $ref: "#/components/schemas/JobRequest" } }
                      application/x-www-form-urlencoded: { x-tk-method: createJobFromForm, schema: { type: object, properties: { url: { type: string } } } }
            """;
        var client = GeneratedCode.AssertCompiles(Spec(body)).Source("ProbeClient.g.cs");
        Assert.That(client, Does.Contain("CreateJobFromFormAsync(string? url = null,"));
    }

    [Test]
    public void x_tk_method_on_a_body_with_one_content_type_is_TK0006()
    {
        var body = """
                  requestBody: { required: true, content: { application/json: { x-tk-method: other, schema: { $ref: "#/components/schemas/JobRequest" } } } }
            """;
        var yaml = Spec(body);
        var diagnostic = GeneratedCode.AssertReports(yaml, "TK0006", Line(yaml, "x-tk-method: other"), 82);
        Assert.That(diagnostic.GetMessage(), Does.Contain("one request content type"));
    }

    [Test]
    public void A_method_name_x_tk_method_cannot_spell_is_TK0006()
    {
        var yaml = Spec(TwoBodies.Replace("          multipart/form-data:\n", "          multipart/form-data:\n            x-tk-method: upload job!\n"));
        GeneratedCode.AssertReports(yaml, "TK0006", Line(yaml, "x-tk-method: upload job!"), 26);
    }

    [Test]
    public void An_x_tk_method_name_taken_by_another_operation_is_TK0009()
    {
        var yaml = Spec(TwoBodies.Replace("          multipart/form-data:\n", "          multipart/form-data:\n            x-tk-method: listJobs\n"));
        var outcome = GeneratedCode.Generate(yaml);
        Assert.That(outcome.GeneratorDiagnostics.Select(d => d.Id), Does.Contain("TK0009"));
        Assert.That(outcome.CompilerProblems, Is.Empty);
    }

    [Test]
    public void An_unsupported_content_type_beside_a_supported_one_is_TK0005()
    {
        var yaml = Spec(TwoBodies.Replace("          multipart/form-data:\n", "          application/xml: { schema: { type: string } }\n          multipart/form-data:\n"));
        GeneratedCode.AssertReports(yaml, "TK0005", Line(yaml, "application/xml"), 11);
    }

    [Test]
    public void x_tk_sse_on_an_operation_with_two_content_types_is_TK0014()
    {
        var yaml = Spec(TwoBodies + "\n      x-tk-sse: { name: JobEvents, events: { done: Job } }");
        var diagnostic = GeneratedCode.AssertReports(yaml, "TK0014", Line(yaml, "x-tk-sse"), 17);
        Assert.That(diagnostic.GetMessage(), Does.Contain("one content type"));
    }

    private static async Task<List<string>> Call(OperationArguments arguments, HttpStatusCode status, CancellationToken cancellationToken, List<string>? requests = null)
    {
        requests ??= new List<string>();
        var definition = s_probe.Value;
        var options = definition.CreateClientOptions("key");
        using var http = new HttpClient(new Recorder(status, requests));
        using var client = definition.CreateClient(options, http);
        await definition.GetOperation("createJob").Invoke!(client, arguments, cancellationToken);
        return requests;
    }

    /// <summary>Records "media-type body" of each request and answers with one Job.</summary>
    private sealed class Recorder(HttpStatusCode status, List<string> requests) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Add($"{request.Content?.Headers.ContentType?.MediaType} {(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken))}");
            return new HttpResponseMessage(status) { Content = new StringContent("""{"id":"j1","status":"queued"}""", Encoding.UTF8, "application/json") };
        }
    }
}
