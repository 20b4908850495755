using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Snapshooter;
using Snapshooter.NUnit;
using TranscriptKit.Testing;
using TranscriptKit.Tests;

namespace TranscriptKit.Contract.Tests;

/// <summary>
/// Every cassette replays through its generated client, driven by the vendor's definition (its operations' invokers
/// and upload helpers): no switch over vendors or operations, no reflection. The outcomes are snapshotted.
/// </summary>
[Category("Contract")]
public class CassetteReplayTests
{
    private static readonly Dictionary<string, VendorDefinition> s_definitions = Definitions.All.ToDictionary(d => d.Id);

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
        var vendor = Fixtures.VendorOf(name);
        var scenario = Fixtures.ScenarioOf(name);
        var definition = s_definitions[vendor];
        var cassette = Cassette.Load(Fixtures.PathOf(name));
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

            // A create-URL operation followed by a signed-URL PUT (and its complete call) is driven through the upload helper.
            var operation = definition.GetOperation(interaction.Operation);
            var group = new List<CassetteInteraction> { interaction };
            var upload = operation.Upload is not null && i + 1 < cassette.Interactions.Count && cassette.Interactions[i + 1].Operation is null;
            if (upload)
            {
                group.Add(cassette.Interactions[i + 1]);
                if (operation.Upload!.CompleteOperationId is { } complete && i + 2 < cassette.Interactions.Count && cassette.Interactions[i + 2].Operation == complete)
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
                await Invoke(definition, operation, interaction, upload, new HttpClient(handler), outcome);
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

    private static TranscriptKitClientOptions Options(VendorDefinition definition)
    {
        var options = definition.CreateClientOptions("test-key", "test-secret");
        options.Endpoint = Fixtures.ServerUrl(definition.Id);
        options.Retry = new RetryOptions { MaxRetries = 0 };
        options.TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return options;
    }

    private static UploadFile File16() => UploadFile.FromStream(new MemoryStream(new byte[16]), "video.mp4");

    /// <summary>The file the upload helper was given when the flow was recorded: the name, type and size its create request carried (zeros, not allocated).</summary>
    private static UploadFile RecordedFile(VendorUpload upload, CassetteInteraction create)
    {
        using var body = JsonDocument.Parse(Body(create));
        string? Text(string? field) => field is not null && body.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        long? size = upload.SizeField is { } sizeField && body.RootElement.TryGetProperty(sizeField, out var recorded) && recorded.ValueKind == JsonValueKind.Number ? recorded.GetInt64() : null;
        return UploadFile.FromStream(new ZeroStream(size ?? 16), Text(upload.FileNameField) ?? "video.mp4", Text(upload.ContentTypeField));
    }

    private static byte[] Body(CassetteInteraction interaction) => Encoding.UTF8.GetBytes(interaction.Request.Body ?? "{}");

    /// <summary>The recorded request as wire-level arguments, with every recorded header and a small file for a binary part.</summary>
    private static OperationArguments Arguments(VendorDefinition definition, VendorOperation operation, CassetteInteraction interaction) =>
        RecordedArguments.From(operation, interaction, Fixtures.ServerUrl(definition.Id).AbsolutePath, File16());

    private static async Task Invoke(VendorDefinition definition, VendorOperation operation, CassetteInteraction interaction, bool upload, HttpClient http, Outcome outcome)
    {
        using var client = definition.CreateClient(Options(definition), http);
        if (upload)
        {
            var helper = operation.Upload!;
            var uploaded = await (helper.Invoke ?? throw new AssertionException($"{definition.Id} {helper.Name} upload has no invoker"))(client, new OperationArguments { File = RecordedFile(helper, interaction) }, CancellationToken.None);
            outcome.Result = uploaded.Text;
            return;
        }

        var invoke = operation.Invoke ?? throw new AssertionException($"{definition.Id} {operation.OperationId} has no invoker");
        var arguments = Arguments(definition, operation, interaction);
        if (arguments.Stream)
        {
            outcome.Events = new List<string>();
        }

        var result = await invoke(client, arguments, CancellationToken.None);
        if (result.Events is null)
        {
            outcome.Result = result.Text;
            return;
        }

        outcome.Events!.AddRange(result.Events.Select(e => e.EventType + ": " + (e.Data ?? "null")));
        if (result.StreamFailure is { } failure)
        {
            outcome.Events.Add("(stream threw after " + outcome.Events.Count + " events)");
            ExceptionDispatchInfo.Throw(failure);
        }
    }
}
