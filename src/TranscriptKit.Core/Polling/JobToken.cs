using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace TranscriptKit;

/// <summary>
/// Identifies a vendor job that is (or was) running, so that waiting can resume after a restart without
/// submitting the job again. It is the one token of TranscriptKit: generated clients' <c>Create…Token</c> and
/// <c>Get…Operation</c>, <see cref="Operation{T}.Token"/>, the facade's <c>TranscriptionJob</c>, the errors'
/// <c>Job</c> and <c>transcriptkit resume</c> all read and write it. <see cref="ToString"/> gives the compact,
/// URL-safe text form (<c>tkjob2.…</c>); <see cref="Parse"/> reads it back, and also reads the two older forms
/// (the facade's <c>tkjob1.…</c> and the clients' unprefixed tokens). The token holds ids only, never a credential.
/// </summary>
public sealed class JobToken : IEquatable<JobToken>
{
    private const string Prefix = "tkjob2.";
    private const string FacadePrefixV1 = "tkjob1.";
    private const byte ClientFormatV1 = 1;
    private readonly SortedDictionary<string, string> _parameters;
    private readonly SortedDictionary<string, string> _state;

    /// <summary>Creates a token.</summary>
    /// <param name="vendor">The vendor id, for example <c>captioncat</c>.</param>
    /// <param name="kind">What is awaited, as the spec names it, for example <c>Transcription</c>.</param>
    /// <param name="parameters">The values that identify the job to its status operation (path and query parameters).</param>
    public JobToken(string vendor, string kind, IEnumerable<KeyValuePair<string, string>> parameters)
        : this(vendor, kind, parameters, state: null)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        if (_parameters.Count == 0)
        {
            throw new ArgumentException("A job token needs at least one identifying value.", nameof(parameters));
        }
    }

    private JobToken(string vendor, string kind, IEnumerable<KeyValuePair<string, string>> parameters, IEnumerable<KeyValuePair<string, string>>? state)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(parameters);
        Vendor = VendorIdFormat.Normalize(vendor, nameof(vendor));
        Kind = kind;
        _parameters = Copy(parameters, nameof(parameters));
        _state = Copy(state ?? [], nameof(state));
    }

    /// <summary>The vendor id, for example <c>captioncat</c>.</summary>
    public string Vendor { get; }

    /// <summary>
    /// What is awaited, for example <c>Transcription</c> or <c>Render</c>; empty for a token read from the facade's
    /// older <c>tkjob1.</c> form, which did not record it (such a token resumes the vendor's facade job).
    /// </summary>
    public string Kind { get; }

    /// <summary>The values that identify the job to the vendor's status operation.</summary>
    public IReadOnlyDictionary<string, string> Parameters => _parameters;

    /// <summary>
    /// The vendor's job id: the identifying value (all of them joined with <c>/</c>, in name order, for a job that
    /// several values identify).
    /// </summary>
    public string Id => _parameters.Count == 1 ? _parameters.First().Value : string.Join("/", _parameters.Values);

    /// <summary>What else a flow needs to finish the job (for example the output format the facade asked for); often empty.</summary>
    public IReadOnlyDictionary<string, string> State => _state;

    /// <summary>
    /// A token for a job known only by its vendor and id, without the kind: what the facade's <c>tkjob1.</c> tokens
    /// held. Any status operation of that vendor with one identifying value accepts it.
    /// </summary>
    /// <param name="vendor">The vendor id.</param>
    /// <param name="id">The vendor's job id.</param>
    public static JobToken ForJobId(string vendor, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new JobToken(vendor, string.Empty, [new("id", id)], state: null);
    }

    /// <summary>The same job with <paramref name="state"/> added to (or replacing entries of) <see cref="State"/>.</summary>
    /// <param name="state">What else the flow needs to finish the job.</param>
    public JobToken WithState(IEnumerable<KeyValuePair<string, string>> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var merged = new SortedDictionary<string, string>(_state, StringComparer.Ordinal);
        foreach (var (key, value) in Copy(state, nameof(state)))
        {
            merged[key] = value;
        }

        return new JobToken(Vendor, Kind, _parameters, merged);
    }

    /// <summary>Gets one identifying value, or throws a clear error when the token lacks it.</summary>
    /// <param name="name">The parameter name as the spec spells it.</param>
    public string GetParameter(string name)
    {
        if (_parameters.TryGetValue(name, out var value))
        {
            return value;
        }

        // A tkjob1. token recorded the job id without naming the status operation's parameter.
        if (Kind.Length == 0 && _parameters.Count == 1)
        {
            return Id;
        }

        throw new ArgumentException($"The {Describe()} job token has no '{name}' value.", nameof(name));
    }

    /// <summary>Throws unless this token is for <paramref name="vendor"/> and <paramref name="kind"/>; used before resuming.</summary>
    /// <param name="vendor">The expected vendor id.</param>
    /// <param name="kind">The expected job kind.</param>
    /// <exception cref="ArgumentException">The token is for another vendor or another kind of job.</exception>
    public void EnsureFor(string vendor, string kind)
    {
        if (!string.Equals(Vendor, vendor, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"This job token is for {Describe()}, not {vendor} {kind}: resume it with the {Vendor} client or transcriber.");
        }

        if (Kind.Length > 0 && !string.Equals(Kind, kind, StringComparison.Ordinal))
        {
            throw new ArgumentException($"This job token is for {Describe()}, not {vendor} {kind}.");
        }
    }

    /// <summary>The compact text form: <c>tkjob2.</c> followed by base64url of a small JSON document.</summary>
    public override string ToString()
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("v"u8, Vendor);
            writer.WriteString("k"u8, Kind);
            WriteMap(writer, "p"u8, _parameters);
            if (_state.Count > 0)
            {
                WriteMap(writer, "s"u8, _state);
            }

            writer.WriteEndObject();
        }

        return Prefix + Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    /// <summary>Reads a token written by <see cref="ToString"/>, or one of the older forms (<c>tkjob1.…</c>, or a client token without a prefix).</summary>
    /// <param name="token">The text form.</param>
    /// <exception cref="FormatException">The text is not a TranscriptKit job token; the message says why.</exception>
    public static JobToken Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return TryParse(token, out var result, out var error) ? result : throw new FormatException(error);
    }

    /// <summary>Tries to read a token written by <see cref="ToString"/> or one of the older forms.</summary>
    /// <param name="token">The text form.</param>
    /// <param name="result">The token, when the text is one.</param>
    public static bool TryParse(string? token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JobToken? result) =>
        TryParse(token, out result, out _);

    private static bool TryParse(string? token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JobToken? result, out string error)
    {
        result = null;
        error = "This is not a TranscriptKit job token (it should be the value printed when the job started or timed out, tkjob2.…).";
        token = token?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var form = token.StartsWith(Prefix, StringComparison.Ordinal) ? Form.Current
            : token.StartsWith(FacadePrefixV1, StringComparison.Ordinal) ? Form.FacadeV1
            : Form.ClientV1;
        var body = form switch
        {
            Form.Current => token.AsSpan(Prefix.Length),
            Form.FacadeV1 => token.AsSpan(FacadePrefixV1.Length),
            _ => token.AsSpan(),
        };

        try
        {
            var json = Base64Url.DecodeFromChars(body);
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            string? vendor = null, kind = null, id = null;
            long? clientVersion = null;
            var parameters = new List<KeyValuePair<string, string>>();
            var state = new List<KeyValuePair<string, string>>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "f" when reader.TokenType == JsonTokenType.Number:
                        clientVersion = reader.GetInt64();
                        break;
                    case "v" when reader.TokenType == JsonTokenType.String:
                        vendor = reader.GetString();
                        break;
                    case "k" when reader.TokenType == JsonTokenType.String:
                        kind = reader.GetString();
                        break;
                    case "id" when reader.TokenType == JsonTokenType.String:
                        id = reader.GetString();
                        break;
                    case "p" when reader.TokenType == JsonTokenType.StartObject:
                        if (!ReadMap(ref reader, parameters))
                        {
                            return false;
                        }

                        break;
                    case "s" when reader.TokenType == JsonTokenType.StartObject:
                        if (!ReadMap(ref reader, state))
                        {
                            return false;
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (form == Form.FacadeV1)
            {
                kind = string.Empty;
                if (!string.IsNullOrWhiteSpace(id))
                {
                    parameters = [new("id", id)];
                }
            }
            else if (form == Form.ClientV1 && clientVersion != ClientFormatV1)
            {
                return false;
            }

            if (string.IsNullOrEmpty(vendor) || kind is null || (kind.Length == 0 && form == Form.ClientV1) || parameters.Count == 0
                || parameters.Any(p => string.IsNullOrWhiteSpace(p.Value)))
            {
                error = "The job token is damaged: it names no vendor, job kind or job id.";
                return false;
            }

            result = new JobToken(vendor, kind, parameters, state);
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            error = "The job token is damaged (it was cut short or edited): " + e.Message;
            return false;
        }
    }

    /// <inheritdoc />
    public bool Equals(JobToken? other) =>
        other is not null
        && Vendor == other.Vendor
        && Kind == other.Kind
        && _parameters.SequenceEqual(other._parameters)
        && _state.SequenceEqual(other._state);

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

    private string Describe() => Kind.Length == 0 ? $"{Vendor} job {Id}" : $"{Vendor} {Kind}";

    private static SortedDictionary<string, string> Copy(IEnumerable<KeyValuePair<string, string>> pairs, string argument)
    {
        var copy = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            copy[name] = value ?? throw new ArgumentException($"Job value '{name}' is null.", argument);
        }

        return copy;
    }

    private static void WriteMap(Utf8JsonWriter writer, ReadOnlySpan<byte> name, SortedDictionary<string, string> map)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    private static bool ReadMap(ref Utf8JsonReader reader, List<KeyValuePair<string, string>> into)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            into.Add(new(key, reader.GetString()!));
        }

        return true;
    }

    private enum Form
    {
        Current,
        FacadeV1,
        ClientV1,
    }
}
