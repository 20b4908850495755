namespace TranscriptKit.Generators.Model;

/// <summary>
/// A vendor's documented limits: <c>x-tk-limits</c> at the root, with the upload size from <c>x-tk-upload.max-size</c>
/// when the spec has a signed-URL upload (one source: the helper enforces it there).
/// </summary>
internal sealed record LimitsSpec(
    LimitFact<long>? MaxUploadBytes,
    LimitFact<EquatableArray<string>>? MediaTypes,
    LimitFact<EquatableArray<string>>? FileExtensions,
    LimitFact<EquatableArray<string>>? Languages,
    LimitFact<int>? MaxConcurrentJobs,
    LimitFact<RateLimitSpec>? RateLimit,
    EquatableArray<PlanSpec> Plans,
    string? DefaultPlan)
{
    public static LimitsSpec None { get; } = new(null, null, null, null, null, null, EquatableArray<PlanSpec>.Empty, null);

    /// <summary><c>url-hosts</c>: the hosts (each with its subdomains) whose URLs the vendor takes; null when any host.</summary>
    public LimitFact<EquatableArray<string>>? UrlHosts { get; init; }

    /// <summary><c>max-direct-upload-bytes</c>: the largest file sent inside one request (a multipart body) rather than by a signed-URL upload.</summary>
    public LimitFact<long>? MaxDirectUploadBytes { get; init; }
}

/// <summary>One of <c>x-tk-limits.plans</c>: an account plan's documented request rate and concurrent uploads.</summary>
internal sealed record PlanSpec(string Name, RateLimitSpec? RateLimit, int? MaxConcurrentUploads);

/// <summary>One limit and whether the spec marked it <c>x-tk-inferred</c> (not stated by the docs).</summary>
internal sealed record LimitFact<T>(T Value, bool Inferred);

/// <summary><c>rate-limit: { requests, per }</c>.</summary>
internal sealed record RateLimitSpec(int Requests, double PerSeconds);
