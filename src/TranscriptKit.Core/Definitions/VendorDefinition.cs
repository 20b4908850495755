using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace TranscriptKit;

/// <summary>
/// What TranscriptKit knows about one vendor, generated from its OpenAPI spec: identity, endpoint, credentials,
/// operations, polled jobs and documented limits. Every layer above the generated client (facade, DI, CLI, sandbox,
/// tests) reads vendor facts from here instead of naming vendors.
/// </summary>
/// <remarks>Each vendor package exposes its definition as <c>&lt;Vendor&gt;Vendor.Definition</c>; nothing is found by scanning assemblies.</remarks>
public sealed class VendorDefinition
{
    private readonly Func<string?, string?, TranscriptKitClientOptions> _createOptions;
    private readonly Func<TranscriptKitClientOptions, HttpClient?, IDisposable> _createClient;

    /// <summary>Creates a definition. Called by generated code; a hand-written definition is possible but should come from a spec.</summary>
    /// <param name="id">The lower-case vendor id used in configuration, job tokens and errors.</param>
    /// <param name="displayName">The vendor's name for messages.</param>
    /// <param name="defaultEndpoint">The documented base URL.</param>
    /// <param name="credentials">How the vendor authenticates.</param>
    /// <param name="operations">Every operation of the spec.</param>
    /// <param name="jobs">Every polled job of the spec (<c>x-tk-poll</c>).</param>
    /// <param name="limits">Documented limits.</param>
    /// <param name="createOptions">Creates the vendor's client options from an API key and secret.</param>
    /// <param name="createClient">Creates the vendor's client from its options and an optional <see cref="HttpClient"/>.</param>
    public VendorDefinition(
        string id,
        string displayName,
        Uri defaultEndpoint,
        VendorCredentials credentials,
        IReadOnlyList<VendorOperation> operations,
        IReadOnlyList<VendorJob> jobs,
        VendorLimits limits,
        Func<string?, string?, TranscriptKitClientOptions> createOptions,
        Func<TranscriptKitClientOptions, HttpClient?, IDisposable> createClient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentNullException.ThrowIfNull(defaultEndpoint);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(limits);
        Id = id;
        DisplayName = displayName;
        DefaultEndpoint = defaultEndpoint;
        Credentials = credentials;
        Operations = operations;
        Jobs = jobs;
        Limits = limits;
        _createOptions = createOptions ?? throw new ArgumentNullException(nameof(createOptions));
        _createClient = createClient ?? throw new ArgumentNullException(nameof(createClient));
    }

    /// <summary>The lower-case vendor id (<c>x-tk-client.vendor</c>): configuration key, job-token vendor, error vendor.</summary>
    public string Id { get; }

    /// <summary>The vendor's name for messages (<c>x-tk-client.display-name</c>).</summary>
    public string DisplayName { get; }

    /// <summary>The documented base URL (<c>servers[0].url</c>).</summary>
    public Uri DefaultEndpoint { get; }

    /// <summary>How the vendor authenticates: which headers, key only or key and secret.</summary>
    public VendorCredentials Credentials { get; }

    /// <summary>Every operation in the spec, in spec order.</summary>
    public IReadOnlyList<VendorOperation> Operations { get; }

    /// <summary>Every polled job in the spec, with its polling defaults.</summary>
    public IReadOnlyList<VendorJob> Jobs { get; }

    /// <summary>Documented limits: upload size, media types, languages, concurrency.</summary>
    public VendorLimits Limits { get; }

    /// <summary>
    /// The vendor's documented pricing rule (<c>x-tk-pricing</c>), which usage and estimates read; <see langword="null"/>
    /// when its docs state none.
    /// </summary>
    public VendorPricing? Pricing { get; init; }

    /// <summary>Finds an operation by its <c>operationId</c>.</summary>
    /// <param name="operationId">The spec's operationId.</param>
    /// <returns>The operation.</returns>
    /// <exception cref="ArgumentException">The spec has no such operation; the message lists the ones it has.</exception>
    public VendorOperation GetOperation(string operationId)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        return Operations.FirstOrDefault(o => string.Equals(o.OperationId, operationId, StringComparison.Ordinal))
            ?? throw new ArgumentException($"{DisplayName} has no operation '{operationId}'; its operations are {string.Join(", ", Operations.Select(o => o.OperationId))}.", nameof(operationId));
    }

    /// <summary>Finds a polled job by its <c>x-tk-poll</c> name.</summary>
    /// <param name="name">The job's name, e.g. <c>Transcription</c>.</param>
    /// <returns>The job.</returns>
    /// <exception cref="ArgumentException">The spec has no such job; the message lists the ones it has.</exception>
    public VendorJob GetJob(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Jobs.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.Ordinal))
            ?? throw new ArgumentException($"{DisplayName} has no job kind '{name}'; it has {(Jobs.Count == 0 ? "none" : string.Join(", ", Jobs.Select(j => j.Name)))}.", nameof(name));
    }

    /// <summary>Creates the vendor's client options (its <c>&lt;Vendor&gt;ClientOptions</c>) with the given credentials.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="apiSecret">The API secret, for vendors whose <see cref="VendorCredentials.RequiresSecret"/> is true; ignored otherwise.</param>
    /// <returns>Options targeting <see cref="DefaultEndpoint"/>.</returns>
    public TranscriptKitClientOptions CreateClientOptions(string? apiKey, string? apiSecret = null) => _createOptions(apiKey, apiSecret);

    /// <summary>Creates the vendor's generated client (its <c>&lt;Vendor&gt;Client</c>).</summary>
    /// <param name="options">Options from <see cref="CreateClientOptions"/>.</param>
    /// <param name="httpClient">The <see cref="HttpClient"/> to send with (not disposed by the client), or <see langword="null"/> for the client's own.</param>
    /// <returns>The client; dispose it when done.</returns>
    public IDisposable CreateClient(TranscriptKitClientOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _createClient(options, httpClient);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{DisplayName} ({Id})";
}
