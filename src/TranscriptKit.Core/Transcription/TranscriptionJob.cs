using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace TranscriptKit;

/// <summary>
/// A job the vendor accepted (and may charge for). Save <see cref="ToToken"/> to resume waiting in another process
/// with <see cref="FromToken"/> and <see cref="ITranscriber.WaitAsync"/>, without submitting a second job.
/// </summary>
public sealed class TranscriptionJob : IEquatable<TranscriptionJob>
{
    private const string TokenPrefix = "tkjob1.";
    private readonly SortedDictionary<string, string> _state;

    /// <summary>Creates a job handle.</summary>
    /// <param name="vendor">The vendor id: any well-formed id (lower-case letters, digits, <c>-_.</c>); whether the vendor is registered is checked where the job is used.</param>
    /// <param name="id">The vendor's job id.</param>
    /// <param name="state">What else the vendor's flow needs to finish (for example the output format asked for).</param>
    public TranscriptionJob(string vendor, string id, IEnumerable<KeyValuePair<string, string>>? state = null)
    {
        Vendor = VendorIdFormat.Normalize(vendor, nameof(vendor));
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        _state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in state ?? [])
        {
            _state[key] = value;
        }
    }

    /// <summary>The vendor id.</summary>
    public string Vendor { get; }

    /// <summary>The vendor's job id.</summary>
    public string Id { get; }

    /// <summary>What else the vendor's flow needs to finish the job.</summary>
    public IReadOnlyDictionary<string, string> State => _state;

    /// <summary>A compact, URL-safe token with everything needed to resume waiting. It holds no credential.</summary>
    public string ToToken()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("v", Vendor);
            json.WriteString("id", Id);
            if (_state.Count > 0)
            {
                json.WriteStartObject("s");
                foreach (var (key, value) in _state)
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return TokenPrefix + Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    /// <summary>Reads a token made by <see cref="ToToken"/>.</summary>
    /// <exception cref="FormatException">The text is not a TranscriptKit job token.</exception>
    public static TranscriptionJob FromToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return TryFromToken(token, out var job, out var error) ? job : throw new FormatException(error);
    }

    /// <summary>Reads a token made by <see cref="ToToken"/>; returns false for anything else.</summary>
    public static bool TryFromToken(string? token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TranscriptionJob? job) =>
        TryFromToken(token, out job, out _);

    private static bool TryFromToken(string? token, out TranscriptionJob job, out string error)
    {
        job = null!;
        error = "This is not a TranscriptKit job token (they start with 'tkjob1.').";
        token = token?.Trim();
        if (token is null || !token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(token.AsSpan(TokenPrefix.Length));
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            string? vendor = null, id = null;
            var state = new List<KeyValuePair<string, string>>();
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "v": vendor = property.Value.GetString(); break;
                    case "id": id = property.Value.GetString(); break;
                    case "s":
                        state.AddRange(property.Value.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString() ?? "")));
                        break;
                }
            }

            if (vendor is null || string.IsNullOrWhiteSpace(id))
            {
                error = "The job token is damaged: it names no vendor or job id.";
                return false;
            }

            job = new TranscriptionJob(vendor, id, state);
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            error = "The job token is damaged (it was cut short or edited): " + e.Message;
            return false;
        }
    }

    internal string? GetState(string key) => _state.TryGetValue(key, out var value) ? value : null;

    /// <inheritdoc/>
    public bool Equals(TranscriptionJob? other) =>
        other is not null && Vendor == other.Vendor && Id == other.Id && _state.SequenceEqual(other._state);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TranscriptionJob);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Vendor, Id);

    /// <summary>The vendor and job id.</summary>
    public override string ToString() => $"{Vendor} job {Id}";
}
