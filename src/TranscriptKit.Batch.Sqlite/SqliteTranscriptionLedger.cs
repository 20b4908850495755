using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace TranscriptKit;

/// <summary>
/// The embedded <see cref="ITranscriptionLedger"/>: one SQLite file (e.g. <c>.transcriptkit/batch.db</c>), each
/// change committed with <c>synchronous=FULL</c> before the call returns, so a SIGKILL or power loss right after
/// loses nothing. One process uses a file at a time (an exclusive lock beside it, released by the OS when the
/// process dies), so leases left by a killed run are cleared on open; a shared multi-worker store would keep them.
/// </summary>
public sealed class SqliteTranscriptionLedger : ITranscriptionLedger, IAsyncDisposable, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly FileStream _lock;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteTranscriptionLedger(SqliteConnection connection, FileStream fileLock, TimeProvider time)
    {
        _connection = connection;
        _lock = fileLock;
        _time = time;
    }

    /// <summary>The database file.</summary>
    public string Path => _connection.DataSource;

    /// <summary>Opens (creating when missing) the ledger at <paramref name="path"/>, and its folder.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="timeProvider">The clock for leases; the system clock when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="IOException">Another process has the ledger open.</exception>
    public static async Task<SqliteTranscriptionLedger> OpenAsync(string path, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        FileStream fileLock;
        try
        {
            fileLock = new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"The batch ledger {full} is in use by another process; wait for it to finish, or give this batch its own ledger.", e);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(
                connection,
                """
                PRAGMA journal_mode=WAL;
                PRAGMA synchronous=FULL;
                CREATE TABLE IF NOT EXISTS items (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    key TEXT NOT NULL UNIQUE,
                    state TEXT NOT NULL,
                    job_token TEXT NULL,
                    error TEXT NULL,
                    how_to_check TEXT NULL,
                    submissions INTEGER NOT NULL DEFAULT 0,
                    version INTEGER NOT NULL DEFAULT 0,
                    lease_owner TEXT NULL,
                    lease_expires INTEGER NULL,
                    updated INTEGER NOT NULL);
                -- Only this process holds the file (the lock above): leases from a killed run are void.
                UPDATE items SET lease_owner = NULL, lease_expires = NULL WHERE lease_owner IS NOT NULL;
                """,
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            await fileLock.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new SqliteTranscriptionLedger(connection, fileLock, timeProvider ?? TimeProvider.System);
    }

    /// <inheritdoc/>
    public async Task AddAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT OR IGNORE INTO items (key, state, updated) VALUES ($key, $state, $now)";
            var key = command.Parameters.Add("$key", SqliteType.Text);
            command.Parameters.AddWithValue("$state", nameof(LedgerItemState.Pending));
            command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
            foreach (var k in keys)
            {
                ArgumentException.ThrowIfNullOrEmpty(k, nameof(keys));
                key.Value = k;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            transaction.Commit();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LedgerItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT key, state, job_token, error, how_to_check, submissions, version, lease_owner, lease_expires FROM items ORDER BY seq";
            var items = new List<LedgerItem>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(Read(reader));
            }

            return items;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<LedgerItem?> TryClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            using var command = _connection.CreateCommand();
            command.CommandText =
                """
                UPDATE items SET lease_owner = $owner, lease_expires = $expires, version = version + 1, updated = $now
                WHERE key = $key AND (lease_owner IS NULL OR lease_owner = $owner OR lease_expires <= $now)
                RETURNING key, state, job_token, error, how_to_check, submissions, version, lease_owner, lease_expires
                """;
            command.Parameters.AddWithValue("$owner", owner);
            command.Parameters.AddWithValue("$expires", (now + lease).ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$key", key);
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return Read(reader);
                }
            }

            using var exists = _connection.CreateCommand();
            exists.CommandText = "SELECT 1 FROM items WHERE key = $key";
            exists.Parameters.AddWithValue("$key", key);
            return await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null
                ? throw new KeyNotFoundException($"Ledger item '{key}' was never added.")
                : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<LedgerItem> UpdateAsync(LedgerItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText =
                """
                UPDATE items SET state = $state, job_token = $token, error = $error, how_to_check = $check,
                    submissions = $submissions, version = version + 1, updated = $now
                WHERE key = $key AND version = $version
                """;
            command.Parameters.AddWithValue("$state", item.State.ToString());
            command.Parameters.AddWithValue("$token", (object?)item.JobToken ?? DBNull.Value);
            command.Parameters.AddWithValue("$error", (object?)item.Error ?? DBNull.Value);
            command.Parameters.AddWithValue("$check", (object?)item.HowToCheck ?? DBNull.Value);
            command.Parameters.AddWithValue("$submissions", item.Submissions);
            command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$key", item.Key);
            command.Parameters.AddWithValue("$version", item.Version);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                throw new TranscriptionLedgerConflictException(item.Key, item.Version);
            }

            return item with { Version = item.Version + 1 };
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        await _lock.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _connection.Dispose();
        _lock.Dispose();
        _gate.Dispose();
    }

    private static LedgerItem Read(SqliteDataReader reader) => new()
    {
        Key = reader.GetString(0),
        State = Enum.Parse<LedgerItemState>(reader.GetString(1)),
        JobToken = reader.IsDBNull(2) ? null : reader.GetString(2),
        Error = reader.IsDBNull(3) ? null : reader.GetString(3),
        HowToCheck = reader.IsDBNull(4) ? null : reader.GetString(4),
        Submissions = reader.GetInt32(5),
        Version = reader.GetInt64(6),
        LeaseOwner = reader.IsDBNull(7) ? null : reader.GetString(7),
        LeaseExpires = reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
    };

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
