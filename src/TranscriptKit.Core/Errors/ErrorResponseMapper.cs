using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using TranscriptKit.Runtime;

namespace TranscriptKit.Errors;

/// <summary>
/// Turns a failed response into the matching <see cref="TranscriptKitException"/>. The vendor's code and message
/// are read from the paths its spec names (<c>x-tk-errors</c>); HTML, plain-text and empty bodies are handled
/// too. Nothing from the request (headers, credentials) is ever copied into the exception.
/// </summary>
internal static class ErrorResponseMapper
{
    private static readonly string[] s_requestIdHeaders = ["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id", "cf-ray"];
    private static readonly string?[] s_reasonPhrases = new string?[500];

    /// <param name="vendor">The vendor.</param>
    /// <param name="response">The failed response (its body already read into <paramref name="body"/>).</param>
    /// <param name="body">The start of the body.</param>
    /// <param name="clock">For Retry-After dates.</param>
    /// <param name="operationId">The spec operation the response answers (named in the message), or a description of the call.</param>
    /// <param name="mask">The client's own credentials, hidden wherever the vendor echoed them.</param>
    /// <param name="authenticationHint">Replaces the usual hint for 401/403.</param>
    public static TranscriptKitException Map(VendorDescriptor vendor, HttpResponseMessage response, ReadOnlySpan<byte> body, TimeProvider clock, string? operationId, SecretMask mask, string? authenticationHint = null)
    {
        var status = response.StatusCode;
        var requestId = mask.Apply(FindRequestId(response));
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var (code, message) = ReadVendorError(vendor, body, mediaType);
        (code, message) = (mask.Apply(code), mask.Apply(message));
        var retryAfter = RetryAfter.From(response, clock);

        // An enveloped vendor (TranscriptGenerate) also puts its business code into error statuses: name the reason.
        var rule = ErrorFactory.Match(vendor.Envelope, code, message);
        // A documented message says more than the status: TranscriptGenerate's "Task not found" is a not-found even as HTTP 500.
        var kind = rule is { MessagePrefix: not null } ? rule.Kind : ErrorFactory.KindOf(status);
        var hint = kind == ErrorKind.RateLimit
            ? retryAfter is { } after ? $" The vendor asked to retry after {after.TotalSeconds:0.#} s." : " Slow down and retry later."
            : kind is ErrorKind.Authentication or ErrorKind.Forbidden && authenticationHint is not null ? authenticationHint : ErrorFactory.Hint(kind);
        var text = mask.Apply(Describe(vendor, operationId, status, code, message, requestId, body, mediaType, mask, hint));
        return ErrorFactory.Create(kind, vendor.Id, text, status, code, message, requestId, retryAfter, rule?.Reason, operationId);
    }

    internal static (string? Code, string? Message) ReadVendorError(VendorDescriptor vendor, ReadOnlySpan<byte> body, string? mediaType = null)
    {
        if (body.IsEmpty)
        {
            return (null, null);
        }

        // Storage behind signed URLs (S3 and alike) answers <Error><Code>…</Code><Message>…</Message></Error>.
        if (mediaType?.Contains("xml", StringComparison.OrdinalIgnoreCase) == true || body.TrimStart(" \t\r\n"u8).StartsWith("<?xml"u8))
        {
            return ReadXmlError(body);
        }

        // A forward scan per path over the bytes as they are: no copy of the body and no document of it.
        return (FirstText(body, vendor.ErrorCodePaths), FirstText(body, vendor.ErrorMessagePaths));
    }

    private static (string? Code, string? Message) ReadXmlError(ReadOnlySpan<byte> body)
    {
        try
        {
            using var stream = new System.IO.MemoryStream(body.ToArray());
            var document = System.Xml.Linq.XDocument.Load(stream);
            string? Element(string name) => document.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            return (Element("Code"), Element("Message"));
        }
        catch (Exception ex) when (ex is System.Xml.XmlException || JsonPrimitives.IsMismatch(ex))
        {
            return (null, null);
        }
    }

    private static string? FirstText(ReadOnlySpan<byte> body, IReadOnlyList<string> paths)
    {
        // Indexed: a foreach over the interface would box the list's enumerator on every error.
        for (var i = 0; i < paths.Count; i++)
        {
            var text = Find(body, paths[i]);
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The text of the value at a dotted path (strings as they are, numbers and booleans as written), or null.</summary>
    private static string? Find(ReadOnlySpan<byte> body, string path)
    {
        try
        {
            var reader = new Utf8JsonReader(body, JsonPrimitives.ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var start = 0;
            while (true)
            {
                var dot = path.IndexOf('.', start);
                var segment = dot < 0 ? path.AsSpan(start) : path.AsSpan(start, dot - start);
                if (!SeekProperty(ref reader, segment))
                {
                    return null;
                }

                if (dot < 0)
                {
                    return reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                        _ => null,
                    };
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return null;
                }

                start = dot + 1;
            }
        }
        catch (Exception ex) when (JsonPrimitives.IsMismatch(ex))
        {
            // Not JSON, or strings that are not valid UTF-8: the status and a leniently decoded snippet still describe
            // the error; mapping an error must never fail itself.
            return null;
        }
    }

    /// <summary>From just inside an object, moves to the value of <paramref name="name"/>; false when the object lacks it.</summary>
    private static bool SeekProperty(ref Utf8JsonReader reader, ReadOnlySpan<char> name)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            JsonPrimitives.ReadValue(ref reader);
            if (match)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    private static string Describe(VendorDescriptor vendor, string? operationId, HttpStatusCode status, string? code, string? message, string? requestId, ReadOnlySpan<byte> body, string? mediaType, SecretMask mask, string? hint)
    {
        // Written into a stack buffer (pooled if it outgrows it): only the finished message is allocated.
        var builder = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[512]);
        builder.AppendLiteral(vendor.DisplayName);
        builder.AppendLiteral(" answered ");
        builder.AppendFormatted((int)status);
        var reason = ReasonPhrase(status);
        if (reason is not null)
        {
            builder.AppendLiteral(" ");
            builder.AppendLiteral(reason);
        }

        if (operationId is not null)
        {
            builder.AppendLiteral(" to ");
            builder.AppendLiteral(operationId);
        }

        if (message is not null)
        {
            builder.AppendLiteral(": ");
            builder.AppendLiteral(message);
        }
        else if (body.IsEmpty)
        {
            builder.AppendLiteral(" with an empty body");
        }
        else if (mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true || (LooksLikeHtml(body) && mediaType?.Contains("xml", StringComparison.OrdinalIgnoreCase) != true))
        {
            builder.AppendLiteral(" with an HTML page (a proxy or gateway error, not the vendor's API)");
        }
        else
        {
            builder.AppendLiteral(": ");
            builder.AppendLiteral(Snippet(body, mask));
        }

        if (code is not null && code != message)
        {
            builder.AppendLiteral(" (code ");
            builder.AppendLiteral(code);
            builder.AppendLiteral(")");
        }

        if (requestId is not null)
        {
            builder.AppendLiteral(" [request id ");
            builder.AppendLiteral(requestId);
            builder.AppendLiteral("]");
        }

        builder.AppendLiteral(".");
        builder.AppendFormatted(hint);
        return builder.ToStringAndClear();
    }

    /// <summary>"Too Many Requests" for 429: the enum's name split into words, worked out once per status, not per error.</summary>
    private static string? ReasonPhrase(HttpStatusCode status) =>
        (int)status is >= 100 and < 600 ? s_reasonPhrases[(int)status - 100] ??= Words(status) : null;

    private static string? Words(HttpStatusCode status)
    {
        if (!Enum.IsDefined(status))
        {
            return null;
        }

        var name = status.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append(' ');
            }

            builder.Append(name[i]);
        }

        return builder.ToString();
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> body)
    {
        var start = body.TrimStart(" \t\r\n"u8);
        return start.StartsWith("<"u8);
    }

    private static string Snippet(ReadOnlySpan<byte> body, SecretMask mask)
    {
        const int Max = 200;

        // Mask before cutting, so a key that straddles the cut cannot leave its first half behind. Encoding.UTF8
        // replaces invalid bytes with U+FFFD rather than throwing; control characters would garble a log line.
        var text = mask.Apply(Encoding.UTF8.GetString(body)).ReplaceLineEndings(" ").Trim();
        text = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
        var cut = Max > 0 && text.Length > Max && char.IsHighSurrogate(text[Max - 1]) ? Max - 1 : Max;
        return text.Length > Max ? text[..cut] + "…" : text;
    }

    private static string? FindRequestId(HttpResponseMessage response)
    {
        foreach (var name in s_requestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                var value = values.FirstOrDefault();
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return value;
                }
            }
        }

        return null;
    }
}
