using System;

namespace TranscriptKit;

/// <summary>Another writer changed a ledger item since it was read (its version moved on); re-read and decide again.</summary>
public sealed class TranscriptionLedgerConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The item's key.</param>
    /// <param name="expectedVersion">The version the writer read.</param>
    public TranscriptionLedgerConflictException(string key, long expectedVersion)
        : base($"Ledger item '{key}' changed since version {expectedVersion} was read.")
    {
        Key = key;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The item's key.</summary>
    public string Key { get; }

    /// <summary>The version the writer read.</summary>
    public long ExpectedVersion { get; }
}
