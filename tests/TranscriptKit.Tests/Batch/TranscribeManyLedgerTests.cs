using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Tests.Batch;

[CancelAfter(30_000)]
public sealed class TranscribeManyLedgerTests
{
    private string _dir = null!;

    private string DbPath => Path.Combine(_dir, "batch.db");

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("tk-ledger-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private static TranscriptionRequest[] Requests(params string[] names) =>
        names.Select(n => TranscriptionRequest.FromUrl("https://example.com/" + n)).ToArray();

    private async Task<System.Collections.Generic.IReadOnlyList<TranscriptionBatchItem>> RunAsync(FakeTranscriber vendor, string[] names, bool retryUnknown = false)
    {
        await using var ledger = await SqliteTranscriptionLedger.OpenAsync(DbPath);
        return await vendor.TranscribeManyAsync(Requests(names), new TranscriptionBatchOptions { Ledger = ledger, RetryUnknown = retryUnknown, MaxConcurrency = 2 });
    }

    private async Task SeedAsync(string key, Func<LedgerItem, LedgerItem> move)
    {
        await using var ledger = await SqliteTranscriptionLedger.OpenAsync(DbPath);
        await ledger.AddAsync([key]);
        var item = (await ledger.TryClaimAsync(key, "killed-run", TimeSpan.FromHours(1)))!;
        await ledger.UpdateAsync(move(item));
    }

    [Test]
    public async Task A_second_run_sends_nothing_for_items_the_first_finished()
    {
        var vendor = new FakeTranscriber();
        await RunAsync(vendor, ["a", "b"]);

        var second = await RunAsync(vendor, ["a", "b"]);

        Assert.That(vendor.Submissions.Values, Is.All.EqualTo(1));
        Assert.That(second.Select(r => r.AlreadyDone), Is.All.True);
        Assert.That(second.Select(r => r.Succeeded), Is.All.True);
    }

    [Test]
    public async Task An_accepted_job_is_resumed_by_its_token_not_submitted_again()
    {
        var job = new TranscriptionJob("cliptext", "job-a");
        await SeedAsync("https://example.com/a", i => i.MoveTo(LedgerItemState.Submitting).MoveTo(LedgerItemState.Submitted, job.ToToken()));
        var vendor = new FakeTranscriber();

        var results = await RunAsync(vendor, ["a"]);

        Assert.That(vendor.Submissions.ContainsKey("a"), Is.False);
        Assert.That(results[0].Transcript!.Text, Is.EqualTo("text of job-a"));
        Assert.That(results[0].Ledger!.State, Is.EqualTo(LedgerItemState.Done));
    }

    [Test]
    public async Task An_item_killed_while_submitting_is_reported_unknown_and_only_sent_again_when_asked()
    {
        await SeedAsync("https://example.com/a", i => i.MoveTo(LedgerItemState.Submitting));
        var vendor = new FakeTranscriber();

        var unknown = await RunAsync(vendor, ["a", "b"]);
        var afterUnknown = (vendor.Submissions.TryGetValue("a", out var n) ? n : 0);
        var retried = await RunAsync(vendor, ["a", "b"], retryUnknown: true);

        Assert.That(unknown[0].OutcomeUnknown, Is.True);
        Assert.That(((TranscriptionSubmissionUnknownException)unknown[0].Error!).HowToCheck, Is.Not.Empty);
        Assert.That(unknown[1].Succeeded, Is.True, "the rest of the batch goes on");
        Assert.That(afterUnknown, Is.EqualTo(0));
        Assert.That(retried[0].Succeeded, Is.True);
        Assert.That(vendor.Submissions["a"], Is.EqualTo(1));
        Assert.That(retried[0].Ledger!.Submissions, Is.EqualTo(2), "the ledger counts the lost submit and the retry");
    }

    [Test]
    public async Task A_refused_item_is_tried_again_next_run_but_a_failed_job_is_not()
    {
        var refusing = new FakeTranscriber
        {
            OnSubmit = (name, _) => name == "a" ? throw new TranscriptKitBadRequestException("cliptext", "unsupported", System.Net.HttpStatusCode.BadRequest) : Task.CompletedTask,
            OnWait = (job, _, _) => job.Id == "job-b" ? throw new TranscriptKitJobFailedException("cliptext", "vendor failed the job", job.Token, "failed") : Task.FromResult(new Transcript("cliptext", job.Id, "t", [], null)),
        };
        var first = await RunAsync(refusing, ["a", "b"]);

        var fixedVendor = new FakeTranscriber();
        var second = await RunAsync(fixedVendor, ["a", "b"]);

        Assert.That(first.Select(r => r.Succeeded), Is.EqualTo(new[] { false, false }));
        Assert.That(second[0].Succeeded, Is.True, "nothing was accepted for a, so sending it again pays once");
        Assert.That(second[1].Succeeded, Is.False);
        Assert.That(fixedVendor.Submissions.ContainsKey("b"), Is.False, "b's job was accepted (and paid); it is reported, not resubmitted");
    }

    [Test]
    public async Task A_submit_whose_answer_is_lost_stays_unknown_in_the_ledger()
    {
        var vendor = new FakeTranscriber
        {
            OnSubmit = (name, _) => throw new TranscriptionSubmissionUnknownException("cliptext", "lost", null, "the vendor's job list", new TimeoutException()),
        };

        var results = await RunAsync(vendor, ["a"]);
        await using var ledger = await SqliteTranscriptionLedger.OpenAsync(DbPath);
        var stored = (await ledger.ListAsync())[0];

        Assert.That(results[0].OutcomeUnknown, Is.True);
        Assert.That(stored.State, Is.EqualTo(LedgerItemState.Submitting));
        Assert.That(stored.HowToCheck, Is.EqualTo("the vendor's job list"));
    }

    [Test]
    public async Task The_completed_callback_runs_before_the_item_is_recorded_done()
    {
        var vendor = new FakeTranscriber();
        LedgerItemState? seen = null;
        await using var ledger = await SqliteTranscriptionLedger.OpenAsync(DbPath);

        await vendor.TranscribeManyAsync(Requests("a"), new TranscriptionBatchOptions
        {
            Ledger = ledger,
            Completed = async (item, ct) => seen = (await ledger.ListAsync(ct))[0].State,
        });

        Assert.That(seen, Is.EqualTo(LedgerItemState.Submitted));
        Assert.That((await ledger.ListAsync())[0].State, Is.EqualTo(LedgerItemState.Done));
    }

    [Test]
    public void Two_items_with_one_key_are_refused()
    {
        var vendor = new FakeTranscriber();

        Assert.ThrowsAsync<ArgumentException>(() => RunAsync(vendor, ["a", "a"]));
        Assert.That(vendor.Submissions, Is.Empty);
    }
}
