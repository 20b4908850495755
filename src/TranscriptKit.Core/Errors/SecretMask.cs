using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Text;

namespace TranscriptKit.Runtime;

/// <summary>
/// Hides a client's own credentials in text it is about to show or store: a vendor that echoes the key in an error
/// body must not put it into an exception message, a log line or a recorded cassette. Each secret is matched raw,
/// URL-encoded, JSON-escaped (<c>\uXXXX</c> and short escapes) and base64/base64url-encoded (alone, and as the
/// <c>key:secret</c> pair Basic auth would send).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SecretMask
{
    /// <summary>What a masked credential becomes.</summary>
    public const string Marker = "***";

    // A shorter value is too likely an ordinary word of the message (a test key "revoked" masked "or revoked API key");
    // vendors' keys are far longer.
    private const int MinimumSecretLength = 8;
    private readonly string[] _forms;

    private SecretMask(string[] forms) => _forms = forms;

    /// <summary>A mask that hides nothing (a user's own authentication provider tells us no secrets).</summary>
    public static SecretMask None { get; } = new([]);

    /// <summary>Whether this mask hides anything.</summary>
    public bool IsEmpty => _forms.Length == 0;

    /// <summary>Builds a mask for the given secrets; null, blank and very short values are ignored.</summary>
    /// <param name="secrets">The raw credentials (keys, secrets, tokens).</param>
    public static SecretMask For(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var raw = secrets.Where(s => s is { Length: >= MinimumSecretLength }).Select(s => s!).Distinct(StringComparer.Ordinal).ToList();
        if (raw.Count == 0)
        {
            return None;
        }

        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in raw)
        {
            AddForms(forms, secret);
        }

        // Basic auth and some vendors' signatures encode "key:secret" as one base64 token.
        for (var i = 0; i + 1 < raw.Count; i += 2)
        {
            AddBase64(forms, raw[i] + ":" + raw[i + 1]);
        }

        // Longest first, so a form that contains another is replaced whole.
        return new SecretMask(forms.Where(f => f.Length >= MinimumSecretLength).OrderByDescending(f => f.Length).ToArray());
    }

    /// <summary>The mask of an authentication provider that knows its credentials (TranscriptKit's own providers).</summary>
    /// <param name="provider">Any authentication provider; one that does not expose its secrets gives <see cref="None"/>.</param>
    public static SecretMask Of(object? provider) => provider is ICredentialSource source ? For(source.Secrets) : None;

    /// <summary>The text with every form of every secret replaced by <see cref="Marker"/>.</summary>
    /// <param name="text">Any text: a message, a body, a URL, a header value.</param>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public string? Apply(string? text) => Apply(text, Marker);

    /// <summary>The text with every form of every secret replaced by <paramref name="marker"/>.</summary>
    /// <param name="text">Any text: a message, a body, a URL, a header value.</param>
    /// <param name="marker">What each secret becomes, for example a cassette's redaction marker.</param>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public string? Apply(string? text, string marker)
    {
        ArgumentNullException.ThrowIfNull(marker);
        if (text is null || _forms.Length == 0)
        {
            return text;
        }

        foreach (var form in _forms)
        {
            // Percent and \u escapes come in either case; ignoring case for every form can only mask more, never less.
            if (text.Contains(form, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(form, marker, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }

    /// <summary>Whether <paramref name="text"/> still contains any form of a secret.</summary>
    /// <param name="text">The text to check.</param>
    public bool Reveals(string? text) => text is not null && _forms.Any(f => text.Contains(f, StringComparison.OrdinalIgnoreCase));

    private static void AddForms(HashSet<string> forms, string secret)
    {
        forms.Add(secret);
        forms.Add(Uri.EscapeDataString(secret));
        forms.Add(secret.Replace(" ", "+", StringComparison.Ordinal));          // form-urlencoded
        forms.Add(JsonShortEscaped(secret));
        forms.Add(JsonUnicodeEscaped(secret, "x4"));
        forms.Add(JsonUnicodeEscaped(secret, "X4"));
        forms.Add(System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(secret));
        AddBase64(forms, secret);
    }

    private static void AddBase64(HashSet<string> forms, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);

        // A secret inside a longer encoded value starts at any of three byte offsets; each gives its own stable core.
        for (var shift = 0; shift < 3; shift++)
        {
            var padded = new byte[shift + bytes.Length];
            bytes.CopyTo(padded, shift);
            var encoded = Convert.ToBase64String(padded);

            // Skip the characters that mix in the unknown neighbours before and after the secret.
            var start = ((shift * 4) + 2) / 3;
            var end = padded.Length * 8 / 6;
            if (end - start < MinimumSecretLength)
            {
                continue;
            }

            var core = encoded[start..end];
            forms.Add(core);
            forms.Add(core.Replace('+', '-').Replace('/', '_'));
        }

        var whole = Convert.ToBase64String(bytes);
        forms.Add(whole);
        forms.Add(whole.TrimEnd('=').Replace('+', '-').Replace('/', '_'));
    }

    private static string JsonShortEscaped(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '/' => "\\/",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static string JsonUnicodeEscaped(string value, string format)
    {
        var builder = new StringBuilder(value.Length * 6);
        foreach (var c in value)
        {
            builder.Append("\\u").Append(((int)c).ToString(format, System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
