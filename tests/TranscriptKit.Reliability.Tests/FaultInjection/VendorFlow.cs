using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using TranscriptKit.CaptionCat;
using TranscriptKit.Cliptext;
using TranscriptKit.Sandbox;
using TranscriptKit.Soscripted;
using TranscriptKit.Subclip;
using TranscriptKit.TranscriptGenerate;

namespace TranscriptKit.Reliability.Tests.FaultInjection;

/// <summary>
/// One vendor's documented flow through the facade: the request it transcribes, the operations it sends in order
/// (each with its step), which one is paid, and how its transcriber is built with <see cref="ClientLimits"/>. The
/// suite's composition root: the only place that names vendors.
/// </summary>
public sealed record VendorFlow(
    string Vendor,
    string PaidOperation,
    IReadOnlyList<FlowOperation> Operations,
    Func<VendorSandbox, TranscriptionRequest> Request,
    Func<HttpClient, VendorSandbox, ITranscriber> Create,
    IReadOnlyDictionary<(string Operation, Fault Fault), string>? WaitingFor = null)
{
    // An operation with its own x-tk-timeout ignores RequestTimeout, so under these faults the flow cannot end within
    // the suite's limits: explicit until the runtime lets a caller bound it (see docs/reliability.md).
    private const string TranscriptGenerateSpecTimeout =
        "waiting for a client option that bounds an operation's x-tk-timeout: TranscriptGenerate's 30 s applies, not RequestTimeout = 2 s";

    private static readonly TranscriberOptions s_transcriberOptions = new() { Polling = PollingOverride.From(ClientLimits.Polling) };

    public static IReadOnlyList<VendorFlow> All { get; } =
    [
        new(
            "captioncat",
            "startTranscription",
            [new("uploadVideo", FlowStep.Upload, CarriesFile: true), new("startTranscription", FlowStep.Submit), new("getTranscriptionStatus", FlowStep.Poll), new("getSrt", FlowStep.Download)],
            _ => TranscriptionRequest.FromFile(Samples.Path("welcome.mp4")),
            (http, sandbox) => new CaptionCatClient(http, ClientLimits.Apply(new CaptionCatClientOptions { ApiKey = sandbox.ApiKey }, sandbox.GetEndpoint("captioncat"))).AsTranscriber(s_transcriberOptions)),
        new(
            "subclip",
            "createJob",
            [new("createUploadUrl", FlowStep.Upload), new(VendorFaults.SignedUploadOperation, FlowStep.Upload, CarriesFile: true), new("createJob", FlowStep.Submit), new("getJob", FlowStep.Poll)],
            _ => TranscriptionRequest.FromFile(Samples.Path("short-note.mp3")) with { Language = "en" },
            (http, sandbox) => new SubclipClient(http, ClientLimits.Apply(new SubclipClientOptions { ApiKey = sandbox.ApiKey }, sandbox.GetEndpoint("subclip"))).AsTranscriber(s_transcriberOptions)),
        new(
            "transcriptgenerate",
            "createTask",
            [new("createTask", FlowStep.Submit), new("queryTask", FlowStep.Poll)],
            sandbox => TranscriptionRequest.FromUrl(sandbox.GetMediaUrl("welcome.mp4")),
            (http, sandbox) => new TranscriptGenerateClient(http, ClientLimits.Apply(new TranscriptGenerateClientOptions { ApiKey = sandbox.ApiKey, ApiSecret = sandbox.ApiSecret }, sandbox.GetEndpoint("transcriptgenerate"))).AsTranscriber(s_transcriberOptions),
            new Dictionary<(string, Fault), string>
            {
                [("createTask", Fault.NoAnswer)] = TranscriptGenerateSpecTimeout,
                [("createTask", Fault.StallAfterHeaders)] = TranscriptGenerateSpecTimeout,
                [("queryTask", Fault.NoAnswer)] = TranscriptGenerateSpecTimeout,
                [("queryTask", Fault.StallAfterHeaders)] = TranscriptGenerateSpecTimeout,
            }),
        // A small file goes in the documented multipart create: the paid request itself carries the file.
        new(
            "cliptext",
            "createTranscription",
            [new("createTranscription", FlowStep.Submit, CarriesFile: true), new("getTranscription", FlowStep.Poll)],
            _ => TranscriptionRequest.FromFile(Samples.Path("short-note.mp3")),
            (http, sandbox) => new CliptextClient(http, ClientLimits.Apply(new CliptextClientOptions { ApiKey = sandbox.ApiKey }, sandbox.GetEndpoint("cliptext"))).AsTranscriber(s_transcriberOptions)),
        new(
            "cliptext",
            "createTranscription",
            [new("createPresignedUpload", FlowStep.Upload), new(VendorFaults.SignedUploadOperation, FlowStep.Upload, CarriesFile: true), new("completeUpload", FlowStep.Upload), new("createTranscription", FlowStep.Submit), new("getTranscription", FlowStep.Poll)],
            _ => TranscriptionRequest.FromFile(Samples.Path("short-note.mp3")),
            (http, sandbox) => new CliptextTranscriber(new CliptextClient(http, ClientLimits.Apply(new CliptextClientOptions { ApiKey = sandbox.ApiKey }, sandbox.GetEndpoint("cliptext"))), s_transcriberOptions, new CliptextTranscriberOptions { MaxDirectUploadBytes = 0 }))
        {
            Label = "cliptext presigned",
        },
        new(
            "soscripted",
            "transcribe",
            [new("transcribe", FlowStep.Submit), new("transcribe", FlowStep.Stream)],
            sandbox => TranscriptionRequest.FromUrl(sandbox.GetMediaUrl("welcome.mp4", "soscripted")),
            (http, sandbox) => new SoscriptedClient(http, ClientLimits.Apply(new SoscriptedClientOptions { ApiKey = sandbox.ApiKey }, sandbox.GetEndpoint("soscripted"))).AsTranscriber(s_transcriberOptions)),
    ];

    /// <summary>The flow's name in test names and the matrix: the vendor, or the vendor and which of its flows.</summary>
    public string Label { get; init; } = Vendor;

    /// <summary>How many paid jobs the sandbox saw this flow submit.</summary>
    public int Submissions(VendorSandbox sandbox) => sandbox.Requests.Count(r => r.Vendor == Vendor && r.Operation == PaidOperation);

    public override string ToString() => Label;
}
