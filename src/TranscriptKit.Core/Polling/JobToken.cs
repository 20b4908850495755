using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace TranscriptKit;

/// <summary>
/// Identifies a vendor job that is (or was) running, so that waiting can resume after a restart without
/// submitting the job again. <see cref="ToString"/> gives a compact, URL-safe text form; <see cref="Parse"/>
/// reads it back. The token holds ids only, never a credential.
/// </summary>
public sealed class JobToken : IEquatable<JobToken>
{
    private const byte FormatVersion = 1;
    private readonly SortedDictionary<string, string> _parameters;

    /// <summary>Creates a token.</summary>
    /// <param name="vendor">The vendor id, for example <c>captioncat</c>.</param>
    /// <param name="kind">What is awaited, as the spec names it, for example <c>Transcription</c>.</param>
    /// <param name="parameters">The values that identify the job to its status operation (path and query parameters).</param>
    public JobToken(string vendor, string kind, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(vendor);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(parameters);
        Vendor = vendor;
        Kind = kind;
        _parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            _parameters[name] = value ?? throw new ArgumentException($"Job parameter '{name}' is null.", nameof(parameters));
        }
    }

    /// <summary>The vendor id, for example <c>captioncat</c>.</summary>
    public string Vendor { get; }

    /// <summary>What is awaited, for example <c>Transcription</c> or <c>Render</c>.</summary>
    public string Kind { get; }

    /// <summary>The values that identify the job to the vendor's status operation.</summary>
    public IReadOnlyDictionary<string, string> Parameters => _parameters;

    /// <summary>Gets one identifying value, or throws a clear error when the token lacks it.</summary>
    /// <param name="name">The parameter name as the spec spells it.</param>
    public string GetParameter(string name) =>
        _parameters.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"The {Vendor} {Kind} job token has no '{name}' value.", nameof(name));

    /// <summary>Throws unless this token is for <paramref name="vendor"/> and <paramref name="kind"/>; used before resuming.</summary>
    /// <param name="vendor">The expected vendor id.</param>
    /// <param name="kind">The expected job kind.</param>
    public void EnsureFor(string vendor, string kind)
    {
        if (!string.Equals(Vendor, vendor, StringComparison.Ordinal) || !string.Equals(Kind, kind, StringComparison.Ordinal))
        {
            throw new ArgumentException($"This job token is for {Vendor} {Kind}, not {vendor} {kind}.");
        }
    }

    /// <summary>The compact text form (base64url of a small JSON document).</summary>
    public override string ToString()
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("f"u8, FormatVersion);
            writer.WriteString("v"u8, Vendor);
            writer.WriteString("k"u8, Kind);
            writer.WriteStartObject("p"u8);
            foreach (var (name, value) in _parameters)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    /// <summary>Reads a token written by <see cref="ToString"/>.</summary>
    /// <param name="token">The text form.</param>
    /// <exception cref="FormatException">The text is not a TranscriptKit job token.</exception>
    public static JobToken Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return TryParse(token, out var result)
            ? result
            : throw new FormatException("The text is not a TranscriptKit job token (it should be the value printed when the job started).");
    }

    /// <summary>Tries to read a token written by <see cref="ToString"/>.</summary>
    /// <param name="token">The text form.</param>
    /// <param name="result">The token, when the text is one.</param>
    public static bool TryParse(string? token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JobToken? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(token))
        {
            return false;
        }

        byte[] json;
        try
        {
            json = Base64Url.DecodeFromChars(token.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(json);
            string? vendor = null, kind = null;
            long? version = null;
            var parameters = new List<KeyValuePair<string, string>>();
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "f" when reader.TokenType == JsonTokenType.Number:
                        version = reader.GetInt64();
                        break;
                    case "v" when reader.TokenType == JsonTokenType.String:
                        vendor = reader.GetString();
                        break;
                    case "k" when reader.TokenType == JsonTokenType.String:
                        kind = reader.GetString();
                        break;
                    case "p" when reader.TokenType == JsonTokenType.StartObject:
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var key = reader.GetString()!;
                            reader.Read();
                            if (reader.TokenType != JsonTokenType.String)
                            {
                                return false;
                            }

                            parameters.Add(new(key, reader.GetString()!));
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (version != FormatVersion || string.IsNullOrEmpty(vendor) || string.IsNullOrEmpty(kind))
            {
                return false;
            }

            result = new JobToken(vendor, kind, parameters);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public bool Equals(JobToken? other) =>
        other is not null
        && Vendor == other.Vendor
        && Kind == other.Kind
        && _parameters.SequenceEqual(other._parameters);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as JobToken);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Vendor);
        hash.Add(Kind);
        foreach (var (name, value) in _parameters)
        {
            hash.Add(name);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
