using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Web;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Snapshooter;
using Snapshooter.NUnit;
using TranscriptKit.Testing;
using CC = TranscriptKit.CaptionCat;
using CT = TranscriptKit.Cliptext;
using SC = TranscriptKit.Soscripted;
using SU = TranscriptKit.Subclip;
using TG = TranscriptKit.TranscriptGenerate;

namespace TranscriptKit.Contract.Tests;

/// <summary>Every cassette replays through its generated client; the outcomes are snapshotted.</summary>
[Category("Contract")]
public class CassetteReplayTests
{
    public static IEnumerable<string> Cassettes() => Fixtures.All();

    public sealed class Outcome
    {
        public string Operation { get; set; } = "";
        public string Request { get; set; } = "";
        public int RecordedStatus { get; set; }
        public string Kind { get; set; } = "";
        public string? Result { get; set; }
        public List<string>? Events { get; set; }
        public string? Exception { get; set; }
        public int? Status { get; set; }
        public string? ErrorCode { get; set; }
        public string? VendorMessage { get; set; }
        public string? Reason { get; set; }
        public string? Message { get; set; }
    }

    [TestCaseSource(nameof(Cassettes))]
    public async Task Cassette_replays_through_the_generated_client(string name)
    {
        var vendor = name.Split('/')[0];
        var scenario = name.Split('/')[1];
        var cassette = Cassette.Load(Path.Combine(Fixtures.Root, vendor, scenario + ".json"));
        var outcomes = new List<Outcome>();

        var i = 0;
        while (i < cassette.Interactions.Count)
        {
            var interaction = cassette.Interactions[i];
            if (interaction.Operation is null)
            {
                outcomes.Add(new Outcome { Operation = "(none)", Request = interaction.Request.ToString(), RecordedStatus = interaction.Response.Status, Kind = "skipped" });
                i++;
                continue;
            }

            // A create-URL operation followed by a signed-URL PUT is driven through the client's upload helper.
            var group = new List<CassetteInteraction> { interaction };
            var upload = i + 1 < cassette.Interactions.Count && cassette.Interactions[i + 1].Operation is null;
            if (upload)
            {
                group.Add(cassette.Interactions[i + 1]);
                if (vendor == "cliptext" && i + 2 < cassette.Interactions.Count && cassette.Interactions[i + 2].Operation == "completeUpload")
                {
                    group.Add(cassette.Interactions[i + 2]);
                }
            }

            var subset = new Cassette(vendor, scenario);
            foreach (var item in group)
            {
                subset.Interactions.Add(item);
            }

            var handler = new ReplayingHandler(subset);
            var outcome = new Outcome
            {
                Operation = upload ? interaction.Operation + " (upload helper)" : interaction.Operation,
                Request = interaction.Request.ToString(),
                RecordedStatus = interaction.Response.Status,
            };
            try
            {
                await Invoke(vendor, interaction, upload, new HttpClient(handler), outcome);
                outcome.Kind = "returned";
            }
            catch (CassetteMismatchException)
            {
                throw;
            }
            catch (TranscriptKitException error)
            {
                outcome.Kind = "threw";
                outcome.Exception = error.GetType().Name;
                outcome.Status = error.Status is null ? null : (int)error.Status.Value;
                outcome.ErrorCode = error.ErrorCode;
                outcome.VendorMessage = error.VendorMessage;
                outcome.Reason = error.Reason;
            }
            catch (Exception error) when (error is not AssertionException)
            {
                outcome.Kind = "threw";
                outcome.Exception = error.GetType().Name;
                outcome.Message = error.Message;
            }

            if (handler.PlayedCount == 0)
            {
                outcome.Kind += " (request not sent)";
            }
            else
            {
                handler.AssertAllPlayed();
            }

            outcomes.Add(outcome);
            i += group.Count;
        }

        Snapshot.Match(outcomes, SnapshotNameExtension.Create(vendor, scenario));
    }

    private static T Options<T>(string vendor) where T : TranscriptKitClientOptions, new()
    {
        var options = new T
        {
            Endpoint = Fixtures.ServerUrl(vendor),
            Retry = new RetryOptions { MaxRetries = 0 },
            TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        };
        return options;
    }

    private static UploadFile File16() => UploadFile.FromStream(new MemoryStream(new byte[16]), "video.mp4");

    /// <summary>The file the upload helper was given when the flow was recorded: its name, type and size (zeros, not allocated).</summary>
    private static UploadFile RecordedFile((string? Name, string? ContentType, long? Size) recorded) =>
        UploadFile.FromStream(new ZeroStream(recorded.Size ?? 16), recorded.Name ?? "video.mp4", recorded.ContentType?.ToString());

    private static byte[] Body(CassetteInteraction interaction) => Encoding.UTF8.GetBytes(interaction.Request.Body ?? "{}");

    /// <summary>Path parameters, by matching the request path against the spec's template under the server's base path.</summary>
    private static Dictionary<string, string> PathParameters(string vendor, CassetteInteraction interaction)
    {
        var (_, _, template) = Fixtures.Operations(vendor).Single(o => o.OperationId == interaction.Operation);
        var basePath = Fixtures.ServerUrl(vendor).AbsolutePath.TrimEnd('/');
        var pattern = "^" + Regex.Escape(basePath) + Regex.Replace(Regex.Escape(template), @"\\\{(\w+)}", "(?<$1>[^/?]+)") + @"(\?.*)?$";
        var path = interaction.Request.Path;
        var match = Regex.Match(path, pattern);
        Assert.That(match.Success, Is.True, $"{path} does not match {basePath}{template}");
        return match.Groups.Cast<Group>().Where(g => !int.TryParse(g.Name, out _))
            .ToDictionary(g => g.Name, g => Uri.UnescapeDataString(g.Value));
    }

    private static System.Collections.Specialized.NameValueCollection Query(CassetteInteraction interaction)
    {
        var path = interaction.Request.Path;
        var q = path.IndexOf('?');
        return HttpUtility.ParseQueryString(q < 0 ? string.Empty : path[(q + 1)..]);
    }

    private static async Task Invoke(string vendor, CassetteInteraction interaction, bool upload, HttpClient http, Outcome outcome)
    {
        var op = interaction.Operation!;
        switch (vendor)
        {
            case "captioncat":
            {
                var o = Options<CC.CaptionCatClientOptions>(vendor);
                o.ApiKey = "test-key";
                using var c = new CC.CaptionCatClient(http, o);
                var p = PathParameters(vendor, interaction);
                object r = op switch
                {
                    "getBalance" => await c.GetBalanceAsync(),
                    "getBalanceHistory" => await c.GetBalanceHistoryAsync(),
                    "uploadVideo" => await c.UploadVideoAsync(File16()),
                    "startTranscription" => await c.StartTranscriptionAsync(p["id"]),
                    "getTranscriptionStatus" => await c.GetTranscriptionStatusAsync(p["id"]),
                    "getSrt" => await c.GetSrtAsync(p["id"]),
                    "updateSrt" => await c.UpdateSrtAsync(p["id"], HttpUtility.ParseQueryString(interaction.Request.Body ?? "")["srt"]!),
                    "getText" => await c.GetTextAsync(p["id"]),
                    "startRender" => await c.StartRenderAsync(p["id"]),
                    "getRenderProgress" => await c.GetRenderProgressAsync(p["id"]),
                    _ => throw new AssertionException("no call for captioncat " + op),
                };
                outcome.Result = Write(typeof(CC.CaptionCatJson), r);
                break;
            }
            case "subclip":
            {
                var o = Options<SU.SubclipClientOptions>(vendor);
                o.ApiKey = "test-key";
                using var c = new SU.SubclipClient(http, o);
                var p = PathParameters(vendor, interaction);
                object r = op switch
                {
                    "createUploadUrl" when upload => await c.UploadSourceAsync(RecordedFile(SU.SubclipJson.ParseCreateUploadUrlRequest(Body(interaction)) is var b ? (b.FileName, b.ContentType, b.FileSize) : default)),
                    "createUploadUrl" => await c.CreateUploadUrlAsync(SU.SubclipJson.ParseCreateUploadUrlRequest(Body(interaction))),
                    "createJob" => await c.CreateJobAsync(SU.SubclipJson.ParseCreateJobRequest(Body(interaction))),
                    "getJob" => await c.GetJobAsync(p["projectId"]),
                    _ => throw new AssertionException("no call for subclip " + op),
                };
                outcome.Result = Write(typeof(SU.SubclipJson), r);
                break;
            }
            case "transcriptgenerate":
            {
                var o = Options<TG.TranscriptGenerateClientOptions>(vendor);
                o.ApiKey = "test-key";
                o.ApiSecret = "test-secret";
                using var c = new TG.TranscriptGenerateClient(http, o);
                object r = op switch
                {
                    "createTask" => await c.CreateTaskAsync(TG.TranscriptGenerateJson.ParseCreateTaskRequest(Body(interaction))),
                    "queryTask" => await c.QueryTaskAsync(Query(interaction)["taskId"] ?? ""),
                    "getQuotaUsage" => await c.GetQuotaUsageAsync(),
                    "getConcurrency" => await c.GetConcurrencyAsync(),
                    _ => throw new AssertionException("no call for transcriptgenerate " + op),
                };
                outcome.Result = Write(typeof(TG.TranscriptGenerateJson), r);
                break;
            }
            case "cliptext":
            {
                var o = Options<CT.CliptextClientOptions>(vendor);
                o.ApiKey = "test-key";
                using var c = new CT.CliptextClient(http, o);
                var p = PathParameters(vendor, interaction);
                var q = Query(interaction);
                object r = op switch
                {
                    "createPresignedUpload" when upload => await c.UploadFileAsync(RecordedFile(CT.CliptextJson.ParseCreatePresignedUploadRequest(Body(interaction)) is var b ? (b.FileName, b.ContentType, b.FileSize) : default)),
                    "createPresignedUpload" => await c.CreatePresignedUploadAsync(CT.CliptextJson.ParseCreatePresignedUploadRequest(Body(interaction))),
                    "completeUpload" => await c.CompleteUploadAsync(CT.CliptextJson.ParseCompleteUploadRequest(Body(interaction))),
                    "createTranscription" => await c.CreateTranscriptionAsync(CT.CliptextJson.ParseCreateTranscriptionRequest(Body(interaction))),
                    "listTranscriptions" => await c.ListTranscriptionsAsync(q["limit"] is { } l ? int.Parse(l) : null, q["cursor"]),
                    "getTranscription" => await c.GetTranscriptionAsync(p["id"]),
                    "deleteTranscription" => await c.DeleteTranscriptionAsync(p["id"]),
                    "listOrganizations" => await c.ListOrganizationsAsync(),
                    "getOrganization" => await c.GetOrganizationAsync(p["id"]),
                    "addOrganizationMember" => await c.AddOrganizationMemberAsync(p["id"], CT.CliptextJson.ParseAddMemberRequest(Body(interaction))),
                    _ => throw new AssertionException("no call for cliptext " + op),
                };
                outcome.Result = Write(typeof(CT.CliptextJson), r);
                break;
            }
            case "soscripted":
            {
                var o = Options<SC.SoscriptedClientOptions>(vendor);
                o.ApiKey = "test-key";
                using var c = new SC.SoscriptedClient(http, o);
                if (op != "transcribe")
                {
                    throw new AssertionException("no call for soscripted " + op);
                }

                var body = SC.SoscriptedJson.ParseTranscribeRequest(Body(interaction));
                var stream = interaction.Request.Headers.TryGetValue("Accept", out var accept)
                    && accept.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase);
                if (stream)
                {
                    outcome.Events = new List<string>();
                    try
                    {
                        await foreach (var e in c.TranscribeStreamAsync(body))
                        {
                            object? payload = (object?)e.Progress ?? (object?)e.Final ?? e.Done;
                            outcome.Events.Add(e.EventType + ": " + (payload is null ? "null" : Write(typeof(SC.SoscriptedJson), payload)));
                        }
                    }
                    catch (TranscriptKitException) when (outcome.Events.Count > 0)
                    {
                        outcome.Events.Add("(stream threw after " + outcome.Events.Count + " events)");
                        throw;
                    }
                }
                else
                {
                    outcome.Result = Write(typeof(SC.SoscriptedJson), await c.TranscribeAsync(body));
                }

                break;
            }
            default:
                throw new AssertionException("unknown vendor " + vendor);
        }
    }

    /// <summary>A result as JSON text, through the vendor's generated writer.</summary>
    private static string Write(Type json, object result)
    {
        if (result is string s)
        {
            return s;
        }

        var writer = json.GetMethod("Write" + result.GetType().Name, BindingFlags.Public | BindingFlags.Static, new[] { typeof(Utf8JsonWriter), result.GetType() });
        if (writer is null)
        {
            return result.ToString() ?? "";
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            writer.Invoke(null, new[] { (object)w, result });
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
