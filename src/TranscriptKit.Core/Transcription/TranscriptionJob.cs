using System;
using System.Collections.Generic;

namespace TranscriptKit;

/// <summary>
/// A job the vendor accepted (and may charge for): a view over its <see cref="JobToken"/>, the one token every layer
/// uses. Save <see cref="ToToken"/> to resume waiting in another process with <see cref="FromToken(string)"/> and
/// <see cref="ITranscriber.WaitAsync"/>, without submitting a second job. The token in a
/// <see cref="TranscriptKitTimeoutException"/> (its <c>Job</c>, and the text of its message) resumes the same way.
/// </summary>
public sealed class TranscriptionJob : IEquatable<TranscriptionJob>
{
    /// <summary>Creates a job handle from its vendor and id; the token then names no job kind (as <c>tkjob1.</c> tokens did).</summary>
    /// <param name="vendor">The vendor id: any well-formed id (lower-case letters, digits, <c>-_.</c>); whether the vendor is registered is checked where the job is used.</param>
    /// <param name="id">The vendor's job id.</param>
    /// <param name="state">What else the vendor's flow needs to finish (for example the output format asked for).</param>
    public TranscriptionJob(string vendor, string id, IEnumerable<KeyValuePair<string, string>>? state = null)
        : this(JobToken.ForJobId(vendor, id), state)
    {
    }

    /// <summary>Creates a job handle over a token, for example one a generated client's <c>Create…Token</c> made or an error carried.</summary>
    /// <param name="token">The job's token.</param>
    /// <param name="state">What else the vendor's flow needs to finish, added to the token's own.</param>
    public TranscriptionJob(JobToken token, IEnumerable<KeyValuePair<string, string>>? state = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        Token = state is null ? token : token.WithState(state);
    }

    /// <summary>The job's token: what <see cref="ToToken"/> writes, and what generated clients' <c>Get…Operation</c> takes.</summary>
    public JobToken Token { get; }

    /// <summary>The vendor id.</summary>
    public string Vendor => Token.Vendor;

    /// <summary>The vendor's job id.</summary>
    public string Id => Token.Id;

    /// <summary>What else the vendor's flow needs to finish the job.</summary>
    public IReadOnlyDictionary<string, string> State => Token.State;

    /// <summary>A compact, URL-safe token (<c>tkjob2.…</c>) with everything needed to resume waiting. It holds no credential.</summary>
    public string ToToken() => Token.ToString();

    /// <summary>
    /// Reads a job token: one made by <see cref="ToToken"/>, printed by <c>transcriptkit</c>, carried by an error
    /// (<see cref="TranscriptKitTimeoutException.Job"/>) or made by a generated client, including the older
    /// <c>tkjob1.…</c> and unprefixed client forms.
    /// </summary>
    /// <param name="token">The token's text.</param>
    /// <exception cref="FormatException">The text is not a TranscriptKit job token.</exception>
    public static TranscriptionJob FromToken(string token) => new(JobToken.Parse(token));

    /// <summary>Reads a job token; returns false for anything else.</summary>
    /// <param name="token">The token's text.</param>
    /// <param name="job">The job, when the text is a token.</param>
    public static bool TryFromToken(string? token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TranscriptionJob? job)
    {
        job = JobToken.TryParse(token, out var parsed) ? new TranscriptionJob(parsed) : null;
        return job is not null;
    }

    internal string? GetState(string key) => Token.State.TryGetValue(key, out var value) ? value : null;

    /// <inheritdoc/>
    public bool Equals(TranscriptionJob? other) => other is not null && Token.Equals(other.Token);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TranscriptionJob);

    /// <inheritdoc/>
    public override int GetHashCode() => Token.GetHashCode();

    /// <summary>The vendor and job id.</summary>
    public override string ToString() => $"{Vendor} job {Id}";
}
