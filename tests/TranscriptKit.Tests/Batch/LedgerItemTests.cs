using System;
using NUnit.Framework;

namespace TranscriptKit.Tests.Batch;

public sealed class LedgerItemTests
{
    private static readonly LedgerItem Pending = new() { Key = "a.mp4" };

    [Test]
    public void An_item_goes_pending_submitting_submitted_done_and_counts_its_submits()
    {
        var submitting = Pending.MoveTo(LedgerItemState.Submitting);
        var submitted = submitting.MoveTo(LedgerItemState.Submitted, "tkjob2.x");
        var done = submitted.MoveTo(LedgerItemState.Done);

        Assert.That(submitting.Submissions, Is.EqualTo(1));
        Assert.That(submitting.OutcomeUnknown, Is.True, "until the answer is recorded, the outcome is unknown");
        Assert.That(submitted.JobToken, Is.EqualTo("tkjob2.x"));
        Assert.That(done.State, Is.EqualTo(LedgerItemState.Done));
        Assert.That(done.JobToken, Is.EqualTo("tkjob2.x"), "the token stays for fetching the transcript again");
        Assert.That(done.Submissions, Is.EqualTo(1));
    }

    [Test]
    public void An_accepted_item_is_never_submitted_again()
    {
        var submitted = Pending.MoveTo(LedgerItemState.Submitting).MoveTo(LedgerItemState.Submitted, "tkjob2.x");

        Assert.Throws<InvalidOperationException>(() => submitted.MoveTo(LedgerItemState.Submitting));
        Assert.Throws<InvalidOperationException>(() => submitted.MoveTo(LedgerItemState.Done).MoveTo(LedgerItemState.Submitting));
        Assert.Throws<InvalidOperationException>(() => submitted.MoveTo(LedgerItemState.Failed, error: "vendor failed").MoveTo(LedgerItemState.Submitting));
    }

    [Test]
    public void A_failure_before_acceptance_may_be_submitted_again()
    {
        var refused = Pending.MoveTo(LedgerItemState.Submitting).MoveTo(LedgerItemState.Failed, error: "400 unsupported file");

        var again = refused.MoveTo(LedgerItemState.Submitting);

        Assert.That(refused.Error, Is.EqualTo("400 unsupported file"));
        Assert.That(again.Submissions, Is.EqualTo(2));
        Assert.That(again.Error, Is.Null);
    }

    [Test]
    public void A_busy_answer_returns_the_item_to_pending()
    {
        var busy = Pending.MoveTo(LedgerItemState.Submitting).MoveTo(LedgerItemState.Pending);

        Assert.That(busy.State, Is.EqualTo(LedgerItemState.Pending));
        Assert.That(busy.MoveTo(LedgerItemState.Submitting).Submissions, Is.EqualTo(2));
    }

    [Test]
    public void Submitted_needs_a_token_and_pending_cannot_skip_to_done()
    {
        Assert.Throws<ArgumentException>(() => Pending.MoveTo(LedgerItemState.Submitting).MoveTo(LedgerItemState.Submitted));
        Assert.Throws<InvalidOperationException>(() => Pending.MoveTo(LedgerItemState.Done));
        Assert.Throws<InvalidOperationException>(() => Pending.MoveTo(LedgerItemState.Submitted, "tkjob2.x"));
    }
}
