using System;
using System.Collections.Generic;

namespace TranscriptKit.Testing;

/// <summary>
/// A client and its cassette disagree: a request does not match the recording, a request came after the last
/// interaction, or interactions were never requested. The message is a readable diff; credentials never appear in it.
/// </summary>
public sealed class CassetteMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The readable diff.</param>
    /// <param name="expected">The recorded request, or <see langword="null"/> when the cassette had none left.</param>
    /// <param name="actual">The request the client sent, or <see langword="null"/> when it sent none.</param>
    /// <param name="differences">Each difference, one entry per field.</param>
    public CassetteMismatchException(string message, CassetteRequest? expected, CassetteRequest? actual, IReadOnlyList<string> differences)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(differences);
        Expected = expected;
        Actual = actual;
        Differences = differences;
    }

    /// <summary>The recorded request, or <see langword="null"/> when the cassette had no interaction left.</summary>
    public CassetteRequest? Expected { get; }

    /// <summary>
    /// The request the client sent (credential headers and URL signatures redacted), or <see langword="null"/> when
    /// recorded interactions were never requested.
    /// </summary>
    public CassetteRequest? Actual { get; }

    /// <summary>Each difference as the message shows it, for example <c>body $.language: expected "en", actual "fr"</c>.</summary>
    public IReadOnlyList<string> Differences { get; }
}
