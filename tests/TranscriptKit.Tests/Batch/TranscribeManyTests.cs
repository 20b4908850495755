using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace TranscriptKit.Tests.Batch;

public sealed class TranscribeManyTests
{
    private static TranscriptionRequest[] Requests(params string[] names) =>
        names.Select(n => TranscriptionRequest.FromUrl("https://example.com/" + n)).ToArray();

    /// <summary>Runs the batch, moving the fake clock whenever it is waiting, until it completes.</summary>
    private static async Task<T> RunOnClockAsync<T>(FakeTimeProvider clock, Task<T> batch)
    {
        for (var i = 0; i < 1_000 && !batch.IsCompleted; i++)
        {
            await Eventually.SettleAsync();
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.That(batch.IsCompleted, Is.True, "the batch should finish within 1,000 fake seconds");
        return await batch;
    }

    [Test]
    public async Task Results_come_back_in_input_order_and_one_failure_does_not_stop_the_rest()
    {
        var vendor = new FakeTranscriber
        {
            OnSubmit = (name, _) => name == "c"
                ? throw new TranscriptKitBadRequestException("cliptext", "unsupported file", System.Net.HttpStatusCode.BadRequest)
                : Task.CompletedTask,
        };

        var results = await vendor.TranscribeManyAsync(Requests("a", "b", "c", "d", "e"), new TranscriptionBatchOptions { MaxConcurrency = 2 });

        Assert.That(results.Select(r => r.Index), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
        Assert.That(results.Select(r => r.Succeeded), Is.EqualTo(new[] { true, true, false, true, true }));
        Assert.That(results[2].Error, Is.TypeOf<TranscriptKitBadRequestException>());
        Assert.That(results[3].Transcript!.Text, Is.EqualTo("text of job-d"));
        Assert.That(vendor.Submissions["c"], Is.EqualTo(1), "a refusal that is not 'busy' is not submitted again");
    }

    [Test]
    public async Task Never_more_in_flight_than_allowed()
    {
        var vendor = new FakeTranscriber
        {
            OnWait = async (job, _, _) =>
            {
                for (var i = 0; i < 50; i++)
                {
                    await Task.Yield();
                }

                return new Transcript("cliptext", job.Id, "t", [], null);
            },
        };

        var results = await vendor.TranscribeManyAsync(Requests(Enumerable.Range(0, 12).Select(i => "m" + i).ToArray()), new TranscriptionBatchOptions { MaxConcurrency = 3 });

        Assert.That(results.All(r => r.Succeeded), Is.True);
        Assert.That(vendor.MaxInFlight, Is.InRange(1, 3));
    }

    [Test]
    public async Task A_429_is_waited_out_as_the_vendor_asked_then_submitted_again()
    {
        var clock = new FakeTimeProvider();
        var vendor = new FakeTranscriber
        {
            OnSubmit = (name, attempt) => name == "b" && attempt == 1
                ? throw new TranscriptKitRateLimitException("cliptext", "slow down", TimeSpan.FromSeconds(30))
                : Task.CompletedTask,
        };
        var started = clock.GetUtcNow();

        var results = await RunOnClockAsync(clock, vendor.TranscribeManyAsync(Requests("a", "b"), new TranscriptionBatchOptions { TimeProvider = clock }));

        Assert.That(results.All(r => r.Succeeded), Is.True);
        Assert.That(vendor.Submissions["b"], Is.EqualTo(2));
        Assert.That(clock.GetUtcNow() - started, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)), "Retry-After is honoured");
    }

    [Test]
    public async Task Transcriptgenerate_free_slots_bound_the_batch_and_601_means_try_again()
    {
        var clock = new FakeTimeProvider();
        var vendor = new FakeLimitedTranscriber(available: 2)
        {
            OnSubmit = (name, attempt) => name == "x3" && attempt < 3
                ? throw new TranscriptKitException("transcriptgenerate", "concurrency limit", errorCode: "601")
                : Task.CompletedTask,
            OnWait = async (job, _, _) =>
            {
                for (var i = 0; i < 50; i++)
                {
                    await Task.Yield();
                }

                return new Transcript("transcriptgenerate", job.Id, "t", [], null);
            },
        };

        var results = await RunOnClockAsync(clock, vendor.TranscribeManyAsync(Requests("x1", "x2", "x3", "x4", "x5"), new TranscriptionBatchOptions { TimeProvider = clock }));

        Assert.That(results.All(r => r.Succeeded), Is.True, string.Join("; ", results.Where(r => !r.Succeeded).Select(r => r.Error!.Message)));
        Assert.That(vendor.MaxInFlight, Is.InRange(1, 2));
        Assert.That(vendor.Submissions["x3"], Is.EqualTo(3));
    }

    [Test]
    public async Task An_item_still_busy_after_its_attempts_fails_alone()
    {
        var clock = new FakeTimeProvider();
        var vendor = new FakeTranscriber
        {
            OnSubmit = (name, _) => name == "busy"
                ? throw new TranscriptKitRateLimitException("cliptext", "slow down", null)
                : Task.CompletedTask,
        };

        var results = await RunOnClockAsync(clock, vendor.TranscribeManyAsync(
            Requests("busy", "fine"), new TranscriptionBatchOptions { TimeProvider = clock, MaxSubmitAttempts = 3 }));

        Assert.That(results[0].Error, Is.TypeOf<TranscriptKitRateLimitException>());
        Assert.That(vendor.Submissions["busy"], Is.EqualTo(3));
        Assert.That(results[1].Succeeded, Is.True);
    }

    [Test]
    public async Task Busy_answers_are_waited_out_for_as_long_as_the_batch_runs()
    {
        var clock = new FakeTimeProvider();
        var vendor = new FakeTranscriber
        {
            // Nine refusals: the old default of six attempts would have turned this item into a failure.
            OnSubmit = (name, attempt) => attempt < 10
                ? throw new TranscriptKitRateLimitException("cliptext", "slow down", null) { Submission = SubmissionOutcome.NotAccepted }
                : Task.CompletedTask,
        };

        var results = await RunOnClockAsync(clock, vendor.TranscribeManyAsync(Requests("patient"), new TranscriptionBatchOptions { TimeProvider = clock }));

        Assert.That(results[0].Succeeded, Is.True, results[0].Error?.Message);
        Assert.That(vendor.Submissions["patient"], Is.EqualTo(10));
    }

    [Test]
    public async Task A_busy_answer_whose_outcome_is_unknown_is_never_sent_again()
    {
        var clock = new FakeTimeProvider();
        var vendor = new FakeTranscriber
        {
            // A 429 text in a lost or unreadable answer: the vendor may have accepted the job.
            OnSubmit = (_, _) => throw new TranscriptKitRateLimitException("cliptext", "slow down", TimeSpan.FromSeconds(1)) { Submission = SubmissionOutcome.Unknown },
        };

        var results = await RunOnClockAsync(clock, vendor.TranscribeManyAsync(Requests("paid"), new TranscriptionBatchOptions { TimeProvider = clock }));

        Assert.That(results[0].Succeeded, Is.False);
        Assert.That(vendor.Submissions["paid"], Is.EqualTo(1), "a submit that may have been accepted is never repeated by the batch");
    }

    [Test]
    public async Task A_submit_refused_for_want_of_a_slot_goes_again_when_one_of_the_batch_jobs_ends()
    {
        var clock = new FakeTimeProvider();
        const int vendorSlots = 2;
        var running = 0;
        var finish = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<Transcript>>();
        // The vendor says 3 are free, but another client took one meanwhile: the third submit is refused (601).
        var vendor = new FakeLimitedTranscriber(available: 3)
        {
            OnSubmit = (name, _) =>
            {
                if (Interlocked.Increment(ref running) > vendorSlots)
                {
                    Interlocked.Decrement(ref running);
                    throw new TranscriptKitRateLimitException("transcriptgenerate", "Concurrency limit reached.", null, System.Net.HttpStatusCode.OK, errorCode: "601") { Submission = SubmissionOutcome.NotAccepted };
                }

                return Task.CompletedTask;
            },
            OnWait = async (job, _, ct) =>
            {
                try
                {
                    return await finish.GetOrAdd(job.Id, _ => new TaskCompletionSource<Transcript>(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(ct);
                }
                finally
                {
                    Interlocked.Decrement(ref running);
                }
            },
        };
        var started = clock.GetUtcNow();

        var batch = vendor.TranscribeManyAsync(Requests("s1", "s2", "s3"), new TranscriptionBatchOptions { TimeProvider = clock, BusyDelay = TimeSpan.FromHours(1) });
        await Eventually.WaitUntilAsync(() => vendor.Submissions.Values.Sum() == 3 && finish.Count == 2, "two accepted jobs and one refusal");
        var refused = new[] { "s1", "s2", "s3" }.Single(n => !finish.ContainsKey("job-" + n));
        var first = finish.Keys.Order(StringComparer.Ordinal).First();
        finish[first].SetResult(new Transcript("transcriptgenerate", first, "t", [], null));
        await Eventually.WaitUntilAsync(() => finish.ContainsKey("job-" + refused), "the refused item to be accepted once a slot is free");
        foreach (var waiting in finish.Values)
        {
            waiting.TrySetResult(new Transcript("transcriptgenerate", "x", "t", [], null));
        }

        var results = await Eventually.CompletesAsync(batch, "the batch");

        Assert.That(results.All(r => r.Succeeded), Is.True, string.Join("; ", results.Where(r => !r.Succeeded).Select(r => r.Error!.Message)));
        Assert.That(vendor.Submissions[refused], Is.EqualTo(2), "refused once, accepted once");
        Assert.That(clock.GetUtcNow(), Is.EqualTo(started), "it went as soon as our job ended, not after the hour's back-off");
    }

    [Test]
    public async Task A_job_that_ends_while_a_refusal_is_on_its_way_back_still_frees_the_slot_for_it()
    {
        var clock = new FakeTimeProvider();
        const int vendorSlots = 2;
        var running = 0;
        var accepted = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var finish = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<Transcript>>();
        TaskCompletionSource<Transcript> Finish(string id) => finish.GetOrAdd(id, _ => new TaskCompletionSource<Transcript>(TaskCreationOptions.RunContinuationsAsynchronously));
        var raced = false;
        var vendor = new FakeLimitedTranscriber(available: 3)
        {
            OnSubmit = async (name, _) =>
            {
                if (Interlocked.Increment(ref running) <= vendorSlots)
                {
                    accepted.Enqueue(name);
                    return;
                }

                Interlocked.Decrement(ref running);
                if (!raced)
                {
                    raced = true;
                    // The vendor has refused; before the answer arrives, one of the batch's jobs ends.
                    await Eventually.WaitUntilAsync(() => accepted.Count == vendorSlots, "two accepted jobs");
                    accepted.TryPeek(out var first);
                    Finish("job-" + first).SetResult(new Transcript("transcriptgenerate", "job-" + first, "t", [], null));
                    await Eventually.WaitUntilAsync(() => Volatile.Read(ref running) < vendorSlots, "the job to end");
                    await Eventually.SettleAsync();
                }

                throw new TranscriptKitRateLimitException("transcriptgenerate", "Concurrency limit reached.", null, System.Net.HttpStatusCode.OK, errorCode: "601") { Submission = SubmissionOutcome.NotAccepted };
            },
            OnWait = async (job, _, ct) =>
            {
                try
                {
                    return await Finish(job.Id).Task.WaitAsync(ct);
                }
                finally
                {
                    Interlocked.Decrement(ref running);
                }
            },
        };
        var started = clock.GetUtcNow();

        var batch = vendor.TranscribeManyAsync(Requests("r1", "r2", "r3"), new TranscriptionBatchOptions { TimeProvider = clock, BusyDelay = TimeSpan.FromHours(1) });
        await Eventually.WaitUntilAsync(() => accepted.Count == 3, "the refused item to be accepted without the clock moving");
        foreach (var name in accepted)
        {
            Finish("job-" + name).TrySetResult(new Transcript("transcriptgenerate", "job-" + name, "t", [], null));
        }

        var results = await Eventually.CompletesAsync(batch, "the batch");

        Assert.That(results.All(r => r.Succeeded), Is.True, string.Join("; ", results.Where(r => !r.Succeeded).Select(r => r.Error!.Message)));
        Assert.That(vendor.Submissions.Values.Sum(), Is.EqualTo(4), "three accepted, one refused");
        Assert.That(clock.GetUtcNow(), Is.EqualTo(started));
    }

    [Test]
    public async Task The_next_item_is_submitted_while_the_finished_one_is_still_being_saved()
    {
        var vendor = new FakeTranscriber();
        var saving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new TranscriptionBatchOptions
        {
            MaxConcurrency = 1,
            // Saving "a" (its output file, then the ledger) is slow; the vendor's slot is free already.
            Completed = (item, ct) => item.Index == 0 ? saving.Task.WaitAsync(ct) : Task.CompletedTask,
        };

        var batch = vendor.TranscribeManyAsync(Requests("a", "b"), options);
        await Eventually.WaitUntilAsync(() => vendor.Submissions.ContainsKey("b"), "b to be submitted while a is being saved");
        saving.SetResult();
        var results = await Eventually.CompletesAsync(batch, "the batch");

        Assert.That(results.All(r => r.Succeeded), Is.True);
    }

    [Test]
    public async Task A_failure_while_waiting_keeps_the_job_to_resume()
    {
        var vendor = new FakeTranscriber
        {
            OnWait = (job, _, _) => throw new TranscriptKitTimeoutException("cliptext", "still running", null, TimeSpan.FromMinutes(30)),
        };

        var results = await vendor.TranscribeManyAsync(Requests("slow"));

        Assert.That(results[0].Error, Is.TypeOf<TranscriptKitTimeoutException>());
        Assert.That(results[0].Job!.Id, Is.EqualTo("job-slow"));
        Assert.That(vendor.Submissions["slow"], Is.EqualTo(1), "a job the vendor accepted is never submitted again");
    }

    [Test]
    public async Task One_call_vendors_are_retried_whole_after_a_429()
    {
        var clock = new FakeTimeProvider();
        var vendor = new FakeTranscriber("soscripted", jobs: false)
        {
            OnSubmit = (_, attempt) => attempt == 1 ? throw new TranscriptKitRateLimitException("soscripted", "slow down", TimeSpan.FromSeconds(2)) : Task.CompletedTask,
        };

        var results = await RunOnClockAsync(clock, vendor.TranscribeManyAsync(Requests("s1"), new TranscriptionBatchOptions { TimeProvider = clock }));

        Assert.That(results[0].Transcript!.Text, Is.EqualTo("text of s1"));
        Assert.That(vendor.Submissions["s1"], Is.EqualTo(2));
    }

    [Test]
    public void Cancelling_stops_the_batch()
    {
        using var cancel = new CancellationTokenSource();
        var vendor = new FakeTranscriber
        {
            OnWait = async (job, _, ct) =>
            {
                await cancel.CancelAsync();
                ct.ThrowIfCancellationRequested();
                return new Transcript("cliptext", job.Id, "t", [], null);
            },
        };

        Assert.That(async () => await vendor.TranscribeManyAsync(Requests("a", "b"), cancellationToken: cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Bad_options_are_refused()
    {
        var vendor = new FakeTranscriber();

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => vendor.TranscribeManyAsync(Requests("a"), new TranscriptionBatchOptions { MaxConcurrency = 0 }));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => vendor.TranscribeManyAsync(Requests("a"), new TranscriptionBatchOptions { MaxSubmitAttempts = 0 }));
    }
}
