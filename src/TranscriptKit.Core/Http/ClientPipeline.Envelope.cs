using System;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using TranscriptKit.Errors;

namespace TranscriptKit.Runtime;

/// <summary>Unwraps <c>{code, msg, data}</c> envelopes; a non-success code becomes a typed exception even under HTTP 200.</summary>
public sealed partial class ClientPipeline
{
    /// <summary>Reads an enveloped body, returns its data read by <paramref name="readData"/>, then disposes the response.</summary>
    public async Task<T> ReadEnvelopeAsync<T>(HttpResponseMessage response, string operationId, JsonReadFunc<T> readData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(readData);
        using (response)
        {
            var body = await ReadAllAsync(response, cancellationToken).ConfigureAwait(false);
            return ParseEnvelope(response, DescriptorOf(response), operationId, body, readData);
        }
    }

    /// <summary>Sends a request and returns the data of its enveloped answer, read by <paramref name="readData"/>.</summary>
    /// <returns>The envelope's data.</returns>
    public ValueTask<T> SendAndReadEnvelopeAsync<T>(RequestInformation request, RequestBody? body, OperationDescriptor operation, JsonReadFunc<T> readData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readData);
        return SendAndReadAsync(request, body, operation, readData, static (self, response, call, bytes, read) => self.ParseEnvelope(response, call, call.OperationId, bytes, read), cancellationToken);
    }

    private T ParseEnvelope<T>(HttpResponseMessage response, OperationDescriptor? call, string operationId, ReadOnlyMemory<byte> body, JsonReadFunc<T> readData)
    {
        var envelope = Vendor.Envelope ?? throw new InvalidOperationException($"{Vendor.DisplayName}'s spec declares no x-tk-envelope.");
        if (_drift is { } drift)
        {
            // The whole envelope, before a business code can throw: a refusal's shape drifts too.
            DriftCheck.CheckBody(drift.Schema, operationId, body.Span, _mask, drift.Report);
        }

        try
        {
            var (code, message, data) = Unwrap(envelope, body.Span);
            if (code is null)
            {
                throw new JsonException($"The envelope has no '{envelope.CodeField}'.");
            }

            if (!long.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || !Contains(envelope.SuccessCodes, value))
            {
                // A business code other than success is the vendor's refusal, even under HTTP 200.
                throw BusinessError(envelope, operationId, response, code, message).ForCall(operationId, call?.Idempotent == true ? SubmissionOutcome.NotASubmission : SubmissionOutcome.NotAccepted);
            }

            if (data is not { } range)
            {
                throw new JsonException($"The envelope has code {code} but no '{envelope.DataField}'.");
            }

            return JsonPrimitives.Parse(body.Span[range], readData);
        }
        catch (Exception ex) when (JsonPrimitives.IsMismatch(ex))
        {
            // A path on the exception comes from reading the data alone (JsonPrimitives.Parse); place it in the envelope.
            throw BodyMismatch(response, call, operationId, "$." + envelope.DataField, body, ex);
        }
    }

    /// <summary>
    /// Finds code, message and the data's byte range in one forward pass over the bytes: no document of the whole
    /// body, and an unknown field (however large) is skipped without being materialised.
    /// </summary>
    private static (string? Code, string? Message, Range? Data) Unwrap(EnvelopeDescriptor envelope, ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, JsonPrimitives.ReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("The body is empty.");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an {{{envelope.CodeField}, {envelope.MessageField}, {envelope.DataField}}} envelope but found {reader.TokenType}.");
        }

        string? code = null;
        string? message = null;
        Range? data = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isCode = reader.ValueTextEquals(envelope.CodeField);
            var isMessage = !isCode && reader.ValueTextEquals(envelope.MessageField);
            var isData = !isCode && !isMessage && reader.ValueTextEquals(envelope.DataField);
            JsonPrimitives.ReadValue(ref reader);
            if (isCode || isMessage)
            {
                var text = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    // A server that writes every number as a float sends code 200.0: the integer code the spec means.
                    JsonTokenType.Number when reader.TryGetDecimal(out var number) && decimal.Truncate(number) == number && number is >= long.MinValue and <= long.MaxValue
                        => ((long)number).ToString(CultureInfo.InvariantCulture),
                    JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => null,
                };
                if (isCode)
                {
                    code = text;
                }
                else
                {
                    message = text;
                }
            }

            if (isData)
            {
                var start = (int)reader.TokenStartIndex;
                var isNull = reader.TokenType == JsonTokenType.Null;
                reader.Skip();
                data = isNull ? null : start..(int)reader.BytesConsumed;
            }
            else
            {
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("The envelope is not a complete JSON object.");
        }

        return (code, message, data);
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
}
