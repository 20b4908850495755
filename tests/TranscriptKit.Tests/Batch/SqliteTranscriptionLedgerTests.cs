using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace TranscriptKit.Tests.Batch;

[CancelAfter(30_000)]
public sealed class SqliteTranscriptionLedgerTests
{
    private string _dir = null!;

    private string DbPath => Path.Combine(_dir, ".transcriptkit", "batch.db");

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("tk-ledger-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task State_survives_closing_and_reopening()
    {
        await using (var ledger = await SqliteTranscriptionLedger.OpenAsync(DbPath))
        {
            await ledger.AddAsync(["a", "b"]);
            var a = (await ledger.TryClaimAsync("a", "w1", TimeSpan.FromMinutes(5)))!;
            a = await ledger.UpdateAsync(a.MoveTo(LedgerItemState.Submitting));
            await ledger.UpdateAsync(a.MoveTo(LedgerItemState.Submitted, "tkjob2.abc"));
        }

        await using var reopened = await SqliteTranscriptionLedger.OpenAsync(DbPath);
        await reopened.AddAsync(["a", "b", "c"]);
        var items = await reopened.ListAsync();

        Assert.That(items.Select(i => i.Key), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(items[0].State, Is.EqualTo(LedgerItemState.Submitted), "adding an existing key keeps its state");
        Assert.That(items[0].JobToken, Is.EqualTo("tkjob2.abc"));
        Assert.That(items[0].Submissions, Is.EqualTo(1));
        Assert.That(items[0].LeaseOwner, Is.Null, "a lease from a run that ended is void once the file is reopened");
        Assert.That(items[1].State, Is.EqualTo(LedgerItemState.Pending));
    }

    [Test]
    public async Task An_update_from_a_stale_copy_is_refused()
    {
        await using var ledger = await SqliteTranscriptionLedger.OpenAsync(DbPath);
        await ledger.AddAsync(["a"]);
        var read = (await ledger.TryClaimAsync("a", "w1", TimeSpan.FromMinutes(5)))!;
        await ledger.UpdateAsync(read.MoveTo(LedgerItemState.Submitting));

        var conflict = Assert.ThrowsAsync<TranscriptionLedgerConflictException>(() => ledger.UpdateAsync(read.MoveTo(LedgerItemState.Submitting)));

        Assert.That(conflict!.Key, Is.EqualTo("a"));
        Assert.That((await ledger.ListAsync())[0].Submissions, Is.EqualTo(1), "the second submit was never recorded as sent");
    }

    [Test]
    public async Task A_claimed_item_is_refused_to_another_worker_until_its_lease_ends()
    {
        var clock = new FakeTimeProvider();
        await using var ledger = await SqliteTranscriptionLedger.OpenAsync(DbPath, clock);
        await ledger.AddAsync(["a"]);

        var first = await ledger.TryClaimAsync("a", "w1", TimeSpan.FromMinutes(5));
        var other = await ledger.TryClaimAsync("a", "w2", TimeSpan.FromMinutes(5));
        var again = await ledger.TryClaimAsync("a", "w1", TimeSpan.FromMinutes(5));
        clock.Advance(TimeSpan.FromMinutes(6));
        var afterLease = await ledger.TryClaimAsync("a", "w2", TimeSpan.FromMinutes(5));

        Assert.That(first!.LeaseOwner, Is.EqualTo("w1"));
        Assert.That(other, Is.Null);
        Assert.That(again, Is.Not.Null, "the holder may claim again (renewal)");
        Assert.That(afterLease!.LeaseOwner, Is.EqualTo("w2"));
        Assert.ThrowsAsync<System.Collections.Generic.KeyNotFoundException>(() => ledger.TryClaimAsync("missing", "w1", TimeSpan.FromMinutes(5)));
    }

    [Test]
    public async Task A_second_process_cannot_open_a_ledger_in_use()
    {
        await using var ledger = await SqliteTranscriptionLedger.OpenAsync(DbPath);

        var busy = Assert.ThrowsAsync<IOException>(() => SqliteTranscriptionLedger.OpenAsync(DbPath));

        Assert.That(busy!.Message, Does.Contain("in use"));
    }
}
