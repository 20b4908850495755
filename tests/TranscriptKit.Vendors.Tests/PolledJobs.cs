using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.CaptionCat;
using TranscriptKit.Cliptext;
using TranscriptKit.Murmur;
using TranscriptKit.Subclip;
using TranscriptKit.TranscriptGenerate;

namespace TranscriptKit.Vendors.Tests;

/// <summary>Waits for a job through the client's generated <c>WaitFor…Async(JobToken, …)</c>, reporting each state.</summary>
public delegate Task<object?> JobWaiter(object client, JobToken job, PollingOptions? options, Action<PollProgressInfo> progress, CancellationToken cancellationToken);

/// <summary>What a progress report said, whatever the vendor's response type.</summary>
public sealed record PollProgressInfo(JobToken Job, int Attempt, TimeSpan Elapsed, string? State);

/// <summary>
/// Every polled job of every vendor (the definitions' <see cref="VendorDefinition.Jobs"/>) with the status answers the
/// shared polling suite needs. The answer that ends a job comes from the recorded fixtures (<see cref="Sample"/>);
/// the "still running" and "failed" answers are the docs' own examples where the docs have them (TranscriptGenerate's
/// "Processing" and "Task Failure" responses), else the smallest body in the spec's shape with a value the spec lists.
/// This is the suite's second composition root: the one place that knows each job's wait method and bodies.
/// </summary>
public sealed record PolledJob(VendorDefinition Vendor, VendorJob Job, string RunningBody, string? FailedBody, string? FailedState, JobWaiter Wait)
{
    public static readonly IReadOnlyList<PolledJob> All =
    [
        new(CaptionCatVendor.Definition, Find(CaptionCatVendor.Definition, "Transcription"),
            """{"status": "success", "transcription": "processing"}""",
            """{"status": "success", "transcription": "failed"}""", "failed",
            Waiter<CaptionCatClient, TranscriptKit.CaptionCat.TranscriptionStatus>((c, j, o, p, ct) => c.WaitForTranscriptionAsync(j, o, p, ct))),
        new(CaptionCatVendor.Definition, Find(CaptionCatVendor.Definition, "Render"),
            """{"status": "success", "progress": 40}""",
            null, null,
            Waiter<CaptionCatClient, RenderProgress>((c, j, o, p, ct) => c.WaitForRenderAsync(j, o, p, ct)))
        {
            // The recorded render answer is the docs' 75 %: done is 100 %.
            Succeeded = """{"status": "success", "progress": 100}""",
        },
        new(SubclipVendor.Definition, Find(SubclipVendor.Definition, "Job"),
            """{"projectId": "stproj_...", "status": "processing", "outputReady": false}""",
            """{"projectId": "stproj_...", "status": "failed", "outputReady": false}""", "failed",
            Waiter<SubclipClient, JobStatusResult>((c, j, o, p, ct) => c.WaitForJobAsync(j, o, p, ct))),
        new(TranscriptGenerateVendor.Definition, Find(TranscriptGenerateVendor.Definition, "Task"),
            """{"code": 200, "msg": "Success", "data": {"taskId": "1893456789012345678", "status": "WAITING", "errorMessage": null, "createTime": "2026-06-04 17:30:00"}}""",
            """{"code": 200, "msg": "Success", "data": {"taskId": "1893456789012345678", "status": "FAILURE", "errorMessage": "Video processing failed!", "createTime": "2026-06-04 17:30:00"}}""", "FAILURE",
            Waiter<TranscriptGenerateClient, TranscriptTask>((c, j, o, p, ct) => c.WaitForTaskAsync(j, o, p, ct))),
        new(CliptextVendor.Definition, Find(CliptextVendor.Definition, "Transcription"),
            """{"id": "txn_abc123", "status": "processing"}""",
            """{"id": "txn_abc123", "status": "failed"}""", "failed",
            Waiter<CliptextClient, TranscriptKit.Cliptext.Transcription>((c, j, o, p, ct) => c.WaitForTranscriptionAsync(j, o, p, ct))),
        new(MurmurVendor.Definition, Find(MurmurVendor.Definition, "Job"),
            """{"id": "mur_1", "status": "running", "progress": 40}""",
            """{"id": "mur_1", "status": "failed", "failure": "no speech"}""", "failed",
            Waiter<MurmurClient, TranscriptKit.Murmur.Job>((c, j, o, p, ct) => c.WaitForJobAsync(j, o, p, ct))),
    ];

    public override string ToString() => Vendor.Id + "." + Job.Name;

    /// <summary>The answer that ends the job successfully: the poll's last answer in the vendor's recorded flow.</summary>
    public string SucceededBody => Succeeded
        ?? Sample.LastAnswerInFlows(Vendor, Job.PollOperationId)
        ?? throw new AssertionException($"{this}: no recorded flow polls {Job.PollOperationId} to the end; give Succeeded");

    /// <summary>The answer that ends the job when no recorded flow polls it (Caption Cat's render has only the docs' 75 %).</summary>
    public string? Succeeded { get; init; }

    /// <summary>A token for this job with made-up ids (the stub answers any path).</summary>
    public JobToken Token(string id = "tk-job-1") =>
        new(Vendor.Id, Job.Name, Job.IdParameters.Select((p, i) => new KeyValuePair<string, string>(p, i == 0 ? id : "tk-" + p)).ToArray());

    public static IEnumerable<TestCaseData> Cases() => All.Select(j => new TestCaseData(j).SetArgDisplayNames(j.ToString()));

    public static IEnumerable<TestCaseData> FailingCases() => All.Where(j => j.FailedBody is not null).Select(j => new TestCaseData(j).SetArgDisplayNames(j.ToString()));

    private static VendorJob Find(VendorDefinition vendor, string name) =>
        vendor.Jobs.Single(j => j.Name == name);

    private static JobWaiter Waiter<TClient, T>(Func<TClient, JobToken, PollingOptions?, IProgress<PollProgress<T>>, CancellationToken, Task<T>> wait) =>
        async (client, job, options, progress, cancellationToken) =>
            await wait((TClient)client, job, options, new Reporter<T>(progress), cancellationToken).ConfigureAwait(false);

    private sealed class Reporter<T>(Action<PollProgressInfo> report) : IProgress<PollProgress<T>>
    {
        public void Report(PollProgress<T> value) => report(new PollProgressInfo(value.Job, value.Attempt, value.Elapsed, value.State));
    }
}
