using System;
using System.Globalization;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Errors;

namespace TranscriptKit.Runtime;

/// <summary>Unwraps <c>{code, msg, data}</c> envelopes; a non-success code becomes a typed exception even under HTTP 200.</summary>
public sealed partial class ClientPipeline
{
    private static readonly JsonDocumentOptions s_documentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads an enveloped body, returns its data read by <paramref name="readData"/>, then disposes the response.</summary>
    public async Task<T> ReadEnvelopeAsync<T>(HttpResponseMessage response, string operationId, JsonReadFunc<T> readData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(readData);
        var envelope = Vendor.Envelope ?? throw new InvalidOperationException($"{Vendor.DisplayName}'s spec declares no x-tk-envelope.");
        using (response)
        {
            var body = await ReadAllAsync(response, cancellationToken).ConfigureAwait(false);
            try
            {
                using var document = JsonDocument.Parse(body, s_documentOptions);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new JsonException($"Expected an {{{envelope.CodeField}, {envelope.MessageField}, {envelope.DataField}}} envelope but found {root.ValueKind}.");
                }

                var code = root.TryGetProperty(envelope.CodeField, out var codeElement) ? Text(codeElement) : null;
                var message = root.TryGetProperty(envelope.MessageField, out var messageElement) ? Text(messageElement) : null;
                if (code is null)
                {
                    throw new JsonException($"The envelope has no '{envelope.CodeField}'.");
                }

                if (!long.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || !Contains(envelope.SuccessCodes, value))
                {
                    throw BusinessError(envelope, operationId, response, code, message);
                }

                if (!root.TryGetProperty(envelope.DataField, out var data) || data.ValueKind == JsonValueKind.Null)
                {
                    throw new JsonException($"The envelope has code {code} but no '{envelope.DataField}'.");
                }

                return JsonPrimitives.Parse(JsonMarshal.GetRawUtf8Value(data), readData);
            }
            catch (Exception ex) when (JsonPrimitives.IsMismatch(ex))
            {
                // A path on the exception comes from reading the data alone (JsonPrimitives.Parse); place it in the envelope.
                throw BodyMismatch(response, operationId, "$." + envelope.DataField, body, ex);
            }
        }
    }

    private TranscriptKitException BusinessError(EnvelopeDescriptor envelope, string operationId, HttpResponseMessage response, string code, string? message)
    {
        var rule = ErrorFactory.Match(envelope, code, message);
        var kind = rule?.Kind ?? ErrorFactory.KindOf(int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var asStatus) && asStatus is >= 400 and < 600 ? (System.Net.HttpStatusCode)asStatus : 0);
        (code, message) = (_mask.Apply(code), _mask.Apply(message));
        var text = $"{Vendor.DisplayName} refused {operationId} with code {code}" + (message is null ? "." : $": {message}") + ErrorFactory.Hint(kind);
        return ErrorFactory.Create(kind, Vendor.Id, text, response.StatusCode, code, message, requestId: null, retryAfter: null, rule?.Reason, operationId);
    }

    private static bool Contains(System.Collections.Generic.IReadOnlyList<long> codes, long value)
    {
        foreach (var code in codes)
        {
            if (code == value)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };
}
