using System;
using System.Globalization;

namespace TranscriptKit.Testing;

/// <summary>
/// What a <see cref="CassetteHandler"/> does with its cassette file, as in the VCR family of recorders:
/// <see cref="Replay"/> (never reach the vendor), <see cref="Record"/> (always reach it and rewrite the file),
/// <see cref="RecordIfMissing"/> (replay what is there, record what is not) and <see cref="ReRecordOlderThan"/>
/// (as <see cref="RecordIfMissing"/>, and refresh interactions older than an age).
/// </summary>
public sealed class CassetteMode
{
    private readonly string _name;

    private CassetteMode(string name, bool replays, bool records, TimeSpan? maxAge)
    {
        _name = name;
        Replays = replays;
        Records = records;
        MaxAge = maxAge;
    }

    /// <summary>
    /// Serve the recorded interactions and never send a request anywhere: a request no interaction matches throws
    /// <see cref="CassetteMismatchException"/> naming it. The file must exist and is never written. For CI.
    /// </summary>
    public static CassetteMode Replay { get; } = new("Replay", replays: true, records: false, maxAge: null);

    /// <summary>
    /// Send every request to the vendor and record it, ignoring what the file holds; <see cref="CassetteHandler.SaveAsync"/>
    /// replaces the file (its vendor, scenario, description and source are kept).
    /// </summary>
    public static CassetteMode Record { get; } = new("Record", replays: false, records: true, maxAge: null);

    /// <summary>
    /// Serve a request from the first unplayed interaction that matches it; send one that matches none to the vendor
    /// and append the exchange. A missing file starts empty. For growing a cassette as tests are added.
    /// </summary>
    public static CassetteMode RecordIfMissing { get; } = new("RecordIfMissing", replays: true, records: true, maxAge: null);

    /// <summary>Whether recorded interactions are served.</summary>
    public bool Replays { get; }

    /// <summary>Whether requests may reach the vendor and be recorded (every mode but <see cref="Replay"/>).</summary>
    public bool Records { get; }

    /// <summary>The age past which an interaction is re-recorded (<see cref="ReRecordOlderThan"/>); otherwise <see langword="null"/>.</summary>
    public TimeSpan? MaxAge { get; }

    /// <summary>
    /// As <see cref="RecordIfMissing"/>, except that an interaction recorded more than <paramref name="maxAge"/> ago (by
    /// the handler's <see cref="CassetteOptions.TimeProvider"/>) is stale: a request it matches is sent to the vendor
    /// and the fresh exchange takes its place, and a stale interaction no request used is dropped when the cassette is
    /// saved. An interaction without <see cref="CassetteInteraction.RecordedAt"/> (hand-written, or recorded before
    /// times were kept) has an unknown age and counts as stale: nothing proves it is younger than the limit.
    /// </summary>
    /// <param name="maxAge">The largest age served from the file; more than zero.</param>
    /// <returns>The mode.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAge"/> is zero or negative.</exception>
    public static CassetteMode ReRecordOlderThan(TimeSpan maxAge)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxAge, TimeSpan.Zero);
        return new CassetteMode("ReRecordOlderThan(" + maxAge.ToString("c", CultureInfo.InvariantCulture) + ")", replays: true, records: true, maxAge);
    }

    /// <summary>The mode as code names it.</summary>
    /// <returns>For example <c>RecordIfMissing</c> or <c>ReRecordOlderThan(30.00:00:00)</c>.</returns>
    public override string ToString() => _name;

    /// <summary>Whether an interaction is too old to serve at <paramref name="now"/>.</summary>
    internal bool IsStale(CassetteInteraction interaction, DateTimeOffset now) =>
        MaxAge is { } maxAge && (interaction.RecordedAt is not { } recordedAt || now - recordedAt > maxAge);
}
