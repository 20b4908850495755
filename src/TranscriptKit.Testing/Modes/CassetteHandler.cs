using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Testing;

/// <summary>
/// One cassette file in one of the VCR modes (<see cref="CassetteMode"/>): replays what the file holds, records what
/// it does not (or everything, or what has grown too old), redacting every recorded exchange by the same rules as
/// <see cref="RecordingHandler"/>. Put it in a client's handler chain, run the test, then call <see cref="SaveAsync"/>.
/// </summary>
/// <example>
/// <code>
/// using var cassette = CassetteHandler.Open("fixtures/captioncat/get-balance.json", CassetteMode.RecordIfMissing);
/// using var client = new CaptionCatClient(new HttpClient(cassette), options);
/// var balance = await client.GetBalanceAsync();
/// await cassette.SaveAsync();   // writes only when something was recorded
/// </code>
/// </example>
/// <remarks>
/// A request is served by the first unplayed interaction that matches it (method, path and query, recorded headers,
/// body; the rules of <see cref="ReplayingHandler"/>), so a poll repeated with the same request gets the recorded
/// answers in their order. A recorded exchange reaches the client fully buffered. Requests are never retried here: a
/// job-starting POST reaches the vendor once, or not at all.
/// </remarks>
public sealed class CassetteHandler : DelegatingHandler
{
    private readonly List<Slot> _slots = [];
    private readonly ExchangeRecorder? _recorder;
    private readonly CassetteOptions _options;
    private readonly Lock _gate = new();
    private readonly Cassette _metadata;
    private int _received;
    private int _replayed;
    private int _recorded;

    /// <summary>
    /// Opens <paramref name="path"/> in <paramref name="mode"/>, with its inner handler set later (as
    /// <c>IHttpClientFactory</c> does for <c>AddHttpMessageHandler</c>). <see cref="CassetteMode.Replay"/> needs no inner
    /// handler at all.
    /// </summary>
    /// <param name="path">The cassette file; it must exist for <see cref="CassetteMode.Replay"/>, and is created by <see cref="SaveAsync"/> otherwise.</param>
    /// <param name="mode">What to replay and what to record.</param>
    /// <param name="options">Naming, redaction, replay timing and the clock; defaults when <see langword="null"/>.</param>
    /// <exception cref="FileNotFoundException"><see cref="CassetteMode.Replay"/> and no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid cassette.</exception>
    public CassetteHandler(string path, CassetteMode mode, CassetteOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(mode);
        Path = path;
        Mode = mode;
        _options = options ?? new CassetteOptions();
        if (mode.Records)
        {
            _options.Recording.TimeProvider = _options.TimeProvider;
            _recorder = new ExchangeRecorder(_options.Recording);
        }

        Cassette? existing = null;
        if (File.Exists(path))
        {
            existing = Cassette.Load(path);
        }
        else if (!mode.Records)
        {
            throw new FileNotFoundException(
                $"Cassette {path} does not exist, and CassetteMode.Replay never records: create it with CassetteMode.RecordIfMissing (or Record) against the vendor.",
                path);
        }

        var fullPath = System.IO.Path.GetFullPath(path);
        _metadata = new Cassette(
            existing?.Vendor ?? _options.Vendor ?? System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(fullPath)) ?? "vendor",
            existing?.Scenario ?? _options.Scenario ?? System.IO.Path.GetFileNameWithoutExtension(fullPath))
        {
            Description = existing?.Description,
            Source = existing?.Source,
        };
        if (existing is not null && mode.Replays)
        {
            foreach (var interaction in existing.Interactions)
            {
                _slots.Add(new Slot(interaction));
            }
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> in <paramref name="mode"/> in front of <paramref name="innerHandler"/>, the handler
    /// that reaches the vendor when a request is recorded.
    /// </summary>
    /// <param name="path">The cassette file.</param>
    /// <param name="mode">What to replay and what to record.</param>
    /// <param name="innerHandler">The real transport, for example a <see cref="SocketsHttpHandler"/>.</param>
    /// <param name="options">Naming, redaction, replay timing and the clock; defaults when <see langword="null"/>.</param>
    /// <exception cref="FileNotFoundException"><see cref="CassetteMode.Replay"/> and no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid cassette.</exception>
    public CassetteHandler(string path, CassetteMode mode, HttpMessageHandler innerHandler, CassetteOptions? options = null)
        : this(path, mode, options)
    {
        ArgumentNullException.ThrowIfNull(innerHandler);
        InnerHandler = innerHandler;
    }

    /// <summary>The cassette file.</summary>
    public string Path { get; }

    /// <summary>The mode the file was opened in.</summary>
    public CassetteMode Mode { get; }

    /// <summary>How many requests were served from the file.</summary>
    public int ReplayedCount => Volatile.Read(ref _replayed);

    /// <summary>How many requests were sent to the vendor and recorded.</summary>
    public int RecordedCount => Volatile.Read(ref _recorded);

    /// <summary>The cassette as <see cref="SaveAsync"/> would write it now (a copy).</summary>
    public Cassette Cassette
    {
        get
        {
            lock (_gate)
            {
                return Current();
            }
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> in <paramref name="mode"/>: the one call a test needs. Modes that record send
    /// through a new <see cref="SocketsHttpHandler"/>; <see cref="CassetteMode.Replay"/> reaches no network.
    /// </summary>
    /// <param name="path">The cassette file; it must exist for <see cref="CassetteMode.Replay"/>.</param>
    /// <param name="mode">What to replay and what to record.</param>
    /// <param name="options">Naming, redaction, replay timing and the clock; defaults when <see langword="null"/>.</param>
    /// <returns>The handler; dispose it with the client.</returns>
    /// <exception cref="FileNotFoundException"><see cref="CassetteMode.Replay"/> and no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid cassette.</exception>
    public static CassetteHandler Open(string path, CassetteMode mode, CassetteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mode);
        return mode.Records ? new CassetteHandler(path, mode, new SocketsHttpHandler(), options) : new CassetteHandler(path, mode, options);
    }

    /// <summary>
    /// Writes the cassette to <see cref="Path"/> when this handler recorded something (or, under
    /// <see cref="CassetteMode.ReRecordOlderThan"/>, dropped a stale interaction); otherwise leaves the file untouched.
    /// </summary>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when the file was written.</returns>
    public async Task<bool> SaveAsync(CancellationToken cancellationToken = default)
    {
        string json;
        lock (_gate)
        {
            var dropsStale = Mode.MaxAge is not null && _slots.Exists(IsDroppedStale);
            if (!Mode.Records || (_recorded == 0 && !dropsStale))
            {
                return false;
            }

            json = Current().ToJson();
        }

        await Cassette.WriteAsync(Path, json, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Throws when some interactions of the file were neither played nor replaced; call it at the end of a replay test.</summary>
    /// <exception cref="CassetteMismatchException">Some interactions were not played.</exception>
    public void AssertAllPlayed()
    {
        var unplayed = new List<string>();
        CassetteRequest? first = null;
        lock (_gate)
        {
            for (var i = 0; i < _slots.Count; i++)
            {
                if (!_slots[i].Played)
                {
                    first ??= _slots[i].Interaction.Request;
                    unplayed.Add($"interaction {i + 1}: {_slots[i].Interaction.Request} was never requested");
                }
            }
        }

        if (unplayed.Count > 0)
        {
            throw new CassetteMismatchException(
                $"Cassette {_metadata} ({Path}) has {unplayed.Count} interaction(s) that were not played:\n  " + string.Join("\n  ", unplayed),
                first,
                null,
                unplayed);
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var number = Interlocked.Increment(ref _received);
        var replace = -1;
        if (Mode.Replays)
        {
            // An upload is read only when served from the file: one that goes to the vendor must still be unread.
            var actual = await CapturedRequest.ReadAsync(request, drainBinary: !Mode.Records, cancellationToken).ConfigureAwait(false);
            CassetteInteraction? hit;
            lock (_gate)
            {
                (hit, replace) = Match(number, actual);
            }

            if (hit is not null)
            {
                if (Mode.Records && actual.BinaryMediaType is not null && request.Content is { } upload)
                {
                    await HttpBodies.DrainAsync(upload, cancellationToken).ConfigureAwait(false);
                }

                Interlocked.Increment(ref _replayed);
                return RecordedResponses.Create(hit.Response, request, _options.Timing, _options.TimeProvider);
            }
        }

        var (response, interaction) = await _recorder!.SendAsync(request, base.SendAsync, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (replace >= 0)
            {
                _slots[replace] = new Slot(interaction) { Played = true };
            }
            else
            {
                _slots.Add(new Slot(interaction) { Played = true });
            }

            _recorded++;
        }

        return response;
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    /// <summary>
    /// The first fresh unplayed interaction that matches (a hit), else the index of the first stale one that does (to
    /// be re-recorded in its place), else -1; throws the miss when this mode may not record.
    /// </summary>
    private (CassetteInteraction? Hit, int Replace) Match(int number, CapturedRequest actual)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var stale = -1;
        var closest = -1;
        List<string>? closestDifferences = null;
        for (var i = 0; i < _slots.Count; i++)
        {
            var slot = _slots[i];
            if (slot.Played)
            {
                continue;
            }

            var differences = RequestMatcher.Compare(slot.Interaction.Request, actual);
            if (differences.Count == 0)
            {
                if (!Mode.IsStale(slot.Interaction, now))
                {
                    slot.Played = true;
                    return (slot.Interaction, -1);
                }

                if (stale < 0)
                {
                    stale = i;
                }
            }
            else if (closestDifferences is null || differences.Count < closestDifferences.Count)
            {
                closest = i;
                closestDifferences = differences;
            }
        }

        if (stale >= 0)
        {
            // Claimed now, so a concurrent request for the same thing does not re-record it twice.
            _slots[stale].Played = true;
            return (null, stale);
        }

        if (Mode.Records)
        {
            return (null, -1);
        }

        throw Miss(number, actual, closest, closestDifferences);
    }

    private CassetteMismatchException Miss(int number, CapturedRequest actual, int closest, List<string>? differences)
    {
        var redacted = actual.ToRedacted();
        var message = new StringBuilder(
            $"Cassette {_metadata} ({Path}) has no interaction for request {number}, {redacted}, and CassetteMode.Replay never records; record it with CassetteMode.RecordIfMissing, or fix the request.");
        if (closest < 0 || differences is null)
        {
            var why = _slots.Count == 0 ? "the cassette has no interactions" : $"all {_slots.Count} interaction(s) were played";
            message.Append(' ').Append(char.ToUpperInvariant(why[0])).Append(why, 1, why.Length - 1).Append('.');
            return new CassetteMismatchException(message.ToString(), null, redacted, [why]);
        }

        var expected = _slots[closest].Interaction.Request;
        message.Append($"\nThe closest unplayed interaction, {closest + 1} ({expected}), differs:");
        foreach (var difference in differences)
        {
            message.Append("\n  ").Append(difference.Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        return new CassetteMismatchException(message.ToString(), expected, redacted, differences);
    }

    private bool IsDroppedStale(Slot slot) => !slot.Played && Mode.IsStale(slot.Interaction, _options.TimeProvider.GetUtcNow());

    private Cassette Current()
    {
        var cassette = new Cassette(_metadata.Vendor, _metadata.Scenario) { Description = _metadata.Description, Source = _metadata.Source };
        foreach (var slot in _slots)
        {
            // Under ReRecordOlderThan a stale interaction no request used is outdated and unused: it is not kept.
            if (!(Mode.MaxAge is not null && IsDroppedStale(slot)))
            {
                cassette.Interactions.Add(slot.Interaction);
            }
        }

        return cassette;
    }

    private sealed class Slot(CassetteInteraction interaction)
    {
        public CassetteInteraction Interaction { get; } = interaction;

        public bool Played { get; set; }
    }
}
