using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Tests.Batch;

public sealed class LedgerLaneTests
{
    [Test]
    public async Task Other_writes_wait_while_a_submitting_record_is_being_written()
    {
        var lane = new LedgerLane();
        var submitting = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ordinaryStarted = false;

        var urgent = lane.UrgentAsync(() => submitting.Task);
        var ordinary = lane.OrdinaryAsync(() => { ordinaryStarted = true; return Task.FromResult(2); }, CancellationToken.None);
        await Eventually.SettleAsync();

        Assert.That(ordinaryStarted, Is.False, "a claim or 'done' write does not start ahead of a submit's record");
        submitting.SetResult(1);
        Assert.That(await Eventually.CompletesAsync(urgent, "the urgent write"), Is.EqualTo(1));
        Assert.That(await Eventually.CompletesAsync(ordinary, "the ordinary write once the lane is clear"), Is.EqualTo(2));
    }

    [Test]
    public async Task Without_an_urgent_write_others_start_at_once()
    {
        var lane = new LedgerLane();

        var result = await Eventually.CompletesAsync(lane.OrdinaryAsync(() => Task.FromResult(7), CancellationToken.None), "the write");

        Assert.That(result, Is.EqualTo(7));
    }

    [Test]
    public async Task A_failed_urgent_write_still_clears_the_lane()
    {
        var lane = new LedgerLane();
        var submitting = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var urgent = lane.UrgentAsync(() => submitting.Task);
        var ordinary = lane.OrdinaryAsync(() => Task.FromResult(3), CancellationToken.None);

        submitting.SetException(new TranscriptionLedgerConflictException("k", 1));

        Assert.That(async () => await urgent, Throws.TypeOf<TranscriptionLedgerConflictException>());
        Assert.That(await Eventually.CompletesAsync(ordinary, "the ordinary write"), Is.EqualTo(3));
    }
}
