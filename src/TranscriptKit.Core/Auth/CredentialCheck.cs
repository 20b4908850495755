using System;

namespace TranscriptKit.Authentication;

/// <summary>
/// The one check every entry point for an API key or secret calls (client options, <c>VendorSettings</c>,
/// configuration, the CLI): a credential travels as an HTTP header value, so a line break in it would end the
/// header and let the rest of the "key" become a second request on the connection.
/// </summary>
public static class CredentialCheck
{
    /// <summary>
    /// Says what makes <paramref name="value"/> unusable as an HTTP header value, or <see langword="null"/> when it is
    /// usable. The answer never quotes the value or any character of it.
    /// </summary>
    /// <param name="value">The key or secret.</param>
    /// <returns>A reason for people, or <see langword="null"/>.</returns>
    /// <remarks>
    /// Allowed: printable ASCII (U+0021–U+007E) and inner spaces. Refused: control characters (CR, LF, tab, NUL…),
    /// anything outside ASCII (HTTP/1.1 gives such bytes no defined meaning and every vendor issues ASCII keys, so one
    /// is a pasted typographic quote, dash or non-breaking space), and leading or trailing spaces (HTTP drops them, so
    /// the vendor would see another key than the one configured).
    /// </remarks>
    public static string? FindProblem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return "it is empty";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return "it contains a line break or another control character";
            }

            if (c > '\u007E')
            {
                return "it contains a non-ASCII character (keys are plain ASCII; look for a pasted typographic quote, dash or non-breaking space)";
            }
        }

        return value[0] == ' ' || value[^1] == ' ' ? "it starts or ends with a space" : null;
    }

    /// <summary>Throws when <paramref name="value"/> is not a usable HTTP header value; the message names the credential, never its value.</summary>
    /// <param name="value">The key or secret.</param>
    /// <param name="name">What to call it in the message, for example <c>SubclipClientOptions.ApiKey</c> or <c>TranscriptKit:Vendors:subclip:ApiKey</c>.</param>
    /// <param name="paramName">The parameter that carried it.</param>
    /// <exception cref="ArgumentException">The value is empty, has a control or non-ASCII character, or is padded with spaces.</exception>
    public static void ThrowIfInvalid(string value, string name, string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (FindProblem(value) is { } problem)
        {
            throw new ArgumentException(Describe(name, problem), paramName);
        }
    }

    /// <summary>The message <see cref="ThrowIfInvalid"/> uses, for entry points that report their own error type (a CLI usage error, an options validation failure).</summary>
    /// <param name="name">What to call the credential.</param>
    /// <param name="problem">What <see cref="FindProblem"/> said.</param>
    /// <returns>One sentence that never contains the value.</returns>
    public static string Describe(string name, string problem) =>
        $"{name} is not a valid HTTP header value: {problem}. The value is not shown; copy the credential again.";
}
