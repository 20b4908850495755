using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TranscriptKit.Testing;

/// <summary>Applies the redaction rules (the fixed ones plus a <see cref="RecordingOptions"/>'s) to what gets recorded.</summary>
internal sealed class Redactor
{
    private static readonly JsonReaderOptions s_readerOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
    private readonly HashSet<string> _headers = new(Redaction.SecretHeaders, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _queryParameters = new(Redaction.SignatureParameters, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _jsonFields = new(StringComparer.OrdinalIgnoreCase);

    public Redactor(RecordingOptions options)
    {
        _headers.UnionWith(options.RedactHeaders);
        _queryParameters.UnionWith(options.RedactQueryParameters);
        _jsonFields.UnionWith(options.RedactJsonFields);
    }

    /// <summary>The fixed rules only: credential headers and URL signatures.</summary>
    public static Redactor Default { get; } = new(new RecordingOptions());

    /// <summary>A header value as it may be recorded.</summary>
    public string Header(string name, string value)
    {
        if (_headers.Contains(name))
        {
            return Redaction.RedactSecret(name, value);
        }

        // Location and Link headers can carry a signed URL.
        return UrlQuery.LooksLikeUrl(value) ? UrlQuery.Redact(value, _queryParameters) : value;
    }

    /// <summary>
    /// The credentials a request carries in the headers this redactor hides (the scheme word of <c>Authorization</c>
    /// left out, and <c>Basic</c> credentials decoded into their parts), as a mask for every other recorded text.
    /// </summary>
    public Runtime.SecretMask SecretsOf(HttpRequestMessage request)
    {
        var secrets = new List<string>();
        foreach (var (name, value) in HeaderValues.Of(request))
        {
            if (!_headers.Contains(name))
            {
                continue;
            }

            var space = value.IndexOf(' ', StringComparison.Ordinal);
            var scheme = space > 0 ? value[..space] : null;
            var credential = space > 0 && name.EndsWith("Authorization", StringComparison.OrdinalIgnoreCase) ? value[(space + 1)..] : value;
            secrets.Add(credential);
            if (string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase))
            {
                secrets.AddRange(DecodeBasic(credential));
            }
        }

        return Runtime.SecretMask.For(secrets);
    }

    private static string[] DecodeBasic(string credential)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(credential)).Split(':', 2);
        }
        catch (FormatException)
        {
            return [];
        }
    }

    /// <summary>A request's path and query with signature parameters redacted.</summary>
    public string Path(string pathAndQuery) => UrlQuery.Redact(pathAndQuery, _queryParameters);

    /// <summary>
    /// A body with the listed JSON fields and every signed URL in a JSON string redacted. Only the affected string
    /// values are rewritten, so the rest of the body (whitespace, trailing commas, escapes) stays byte for byte; text
    /// that is not JSON is returned as it is.
    /// </summary>
    public string Body(string body)
    {
        var utf8 = Encoding.UTF8.GetBytes(body);
        List<(int Start, int Length, string Value)> edits;
        try
        {
            edits = FindEdits(utf8);
        }
        catch (JsonException)
        {
            return body;
        }

        if (edits.Count == 0)
        {
            return body;
        }

        var result = new StringBuilder(body.Length);
        var position = 0;
        foreach (var (start, length, value) in edits)
        {
            result.Append(Encoding.UTF8.GetString(utf8, position, start - position));
            result.Append('"').Append(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value).Append('"');
            position = start + length;
        }

        result.Append(Encoding.UTF8.GetString(utf8, position, utf8.Length - position));
        return result.ToString();
    }

    private List<(int Start, int Length, string Value)> FindEdits(byte[] utf8)
    {
        var edits = new List<(int Start, int Length, string Value)>();
        var reader = new Utf8JsonReader(utf8, s_readerOptions);
        var fieldPending = false;
        var redactedContainerDepth = -1;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    fieldPending = redactedContainerDepth < 0 && _jsonFields.Contains(reader.GetString()!);
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray when fieldPending:
                    // A listed field holding an object or array: every string inside it is redacted.
                    redactedContainerDepth = reader.CurrentDepth;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray when reader.CurrentDepth == redactedContainerDepth:
                    redactedContainerDepth = -1;
                    break;
                case JsonTokenType.String:
                    var value = reader.GetString()!;
                    var redacted = fieldPending || redactedContainerDepth >= 0
                        ? Redaction.Marker
                        : UrlQuery.LooksLikeUrl(value) ? UrlQuery.Redact(value, _queryParameters) : value;
                    if (!string.Equals(redacted, value, StringComparison.Ordinal))
                    {
                        // The token spans the quotes around its raw (still escaped) bytes.
                        edits.Add((checked((int)reader.TokenStartIndex), reader.ValueSpan.Length + 2, redacted));
                    }

                    break;
            }

            fieldPending = false;
        }

        return edits;
    }
}
