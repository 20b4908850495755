using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Testing;

/// <summary>
/// Serves a <see cref="Testing.Cassette"/>'s responses to a client under test, checking that each request the client
/// sends matches the recording: method, path and query, recorded headers, and body by its
/// <see cref="CassetteRequest.BodyMatch"/>. A request that does not match throws <see cref="CassetteMismatchException"/>
/// with a readable diff. No network is touched.
/// </summary>
public sealed class ReplayingHandler : HttpMessageHandler
{
    private readonly List<CassetteInteraction> _interactions;
    private readonly bool[] _played;
    private readonly bool _anyOrder;
    private readonly ReplayTiming _timing;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private int _received;
    private int _next;

    /// <summary>Creates a replayer for a cassette.</summary>
    /// <param name="cassette">The recording to serve; later changes to it are not seen.</param>
    /// <param name="options">How requests are paired with interactions; in order when <see langword="null"/>.</param>
    public ReplayingHandler(Cassette cassette, ReplayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cassette);
        Cassette = cassette;
        _interactions = [.. cassette.Interactions];
        _played = new bool[_interactions.Count];
        _anyOrder = options?.AnyOrder ?? false;
        _timing = options?.Timing ?? ReplayTiming.AsFastAsPossible;
        _time = options?.TimeProvider ?? TimeProvider.System;
    }

    /// <summary>The cassette being served.</summary>
    public Cassette Cassette { get; }

    /// <summary>How many interactions have been served so far.</summary>
    public int PlayedCount
    {
        get
        {
            lock (_gate)
            {
                return Array.FindAll(_played, played => played).Length;
            }
        }
    }

    /// <summary>Throws when some of the cassette's interactions were never requested; call it at the end of a test.</summary>
    /// <exception cref="CassetteMismatchException">Some interactions were not played.</exception>
    public void AssertAllPlayed()
    {
        var unplayed = new List<string>();
        CassetteRequest? first = null;
        lock (_gate)
        {
            for (var i = 0; i < _interactions.Count; i++)
            {
                if (!_played[i])
                {
                    first ??= _interactions[i].Request;
                    unplayed.Add($"interaction {i + 1}: {_interactions[i].Request} was never requested");
                }
            }
        }

        if (unplayed.Count > 0)
        {
            var message = $"Cassette {Cassette} has {Count(unplayed.Count, "interaction")} that {(unplayed.Count == 1 ? "was" : "were")} not played:\n  "
                + string.Join("\n  ", unplayed);
            throw new CassetteMismatchException(message, first, null, unplayed);
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var actual = await CapturedRequest.ReadAsync(request, drainBinary: true, cancellationToken).ConfigureAwait(false);
        CassetteInteraction interaction;
        lock (_gate)
        {
            var number = ++_received;
            interaction = _anyOrder ? MatchAnyUnplayed(number, actual) : MatchNext(number, actual);
        }

        return RecordedResponses.Create(interaction.Response, request, _timing, _time);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    private CassetteInteraction MatchNext(int number, CapturedRequest actual)
    {
        if (_next >= _interactions.Count)
        {
            throw PastTheEnd(number, actual, $"cassette has {Count(_interactions.Count, "interaction")}");
        }

        var expected = _interactions[_next].Request;
        var differences = RequestMatcher.Compare(expected, actual);
        if (differences.Count > 0)
        {
            throw Mismatch($"Request {number} of cassette {Cassette} does not match:", expected, actual, differences);
        }

        _played[_next] = true;
        return _interactions[_next++];
    }

    private CassetteInteraction MatchAnyUnplayed(int number, CapturedRequest actual)
    {
        var closest = -1;
        List<string>? closestDifferences = null;
        var unplayed = 0;
        for (var i = 0; i < _interactions.Count; i++)
        {
            if (_played[i])
            {
                continue;
            }

            unplayed++;
            var differences = RequestMatcher.Compare(_interactions[i].Request, actual);
            if (differences.Count == 0)
            {
                _played[i] = true;
                return _interactions[i];
            }

            if (closestDifferences is null || differences.Count < closestDifferences.Count)
            {
                closest = i;
                closestDifferences = differences;
            }
        }

        if (closestDifferences is null)
        {
            throw PastTheEnd(number, actual, $"all {Count(_interactions.Count, "interaction")} of the cassette were played");
        }

        var expected = _interactions[closest].Request;
        throw Mismatch(
            $"Request {number} of cassette {Cassette} matches none of its {Count(unplayed, "unplayed interaction")}; the closest, interaction {closest + 1} ({expected}), differs:",
            expected,
            actual,
            closestDifferences);
    }

    private CassetteMismatchException PastTheEnd(int number, CapturedRequest actual, string why)
    {
        var redacted = actual.ToRedacted();
        var difference = $"{why}; request {number} was {redacted}";
        return new CassetteMismatchException($"Request {number} of cassette {Cassette} was not expected: {difference}", null, redacted, [difference]);
    }

    private static CassetteMismatchException Mismatch(string heading, CassetteRequest expected, CapturedRequest actual, List<string> differences)
    {
        var message = new StringBuilder(heading);
        foreach (var difference in differences)
        {
            message.Append("\n  ").Append(difference.Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        return new CassetteMismatchException(message.ToString(), expected, actual.ToRedacted(), differences);
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
