using System;
using System.Linq;
using System.Net.Http;
using TranscriptKit.Authentication;

namespace TranscriptKit;

/// <summary>
/// A vendor as the facade knows it: its generated <see cref="VendorDefinition"/> (id, display name, credentials,
/// client factory, limits), what its adapter can do, and how the adapter is made from the vendor's client. Each
/// vendor package exposes one as <c>&lt;Vendor&gt;Transcriber.Registration</c>; add it to a <see cref="TranscriberRegistry"/>
/// (<c>Transcribers.Register</c>, or <c>AddTranscriptKit(configuration).AddVendor(…)</c>) to reach it by id.
/// </summary>
public sealed class TranscriptionVendor
{
    private readonly Func<object, TranscriberOptions, ITranscriber> _createTranscriber;

    /// <summary>Describes a vendor for the facade.</summary>
    /// <param name="definition">The vendor's generated definition (<c>&lt;Vendor&gt;Vendor.Definition</c>).</param>
    /// <param name="capabilities">What the vendor's adapter can do (the same value as its transcribers' <see cref="ITranscriber.Capabilities"/>).</param>
    /// <param name="createTranscriber">
    /// Makes the adapter from the client that <see cref="VendorDefinition.CreateClient"/> returned (cast it to the
    /// vendor's client interface) and the transcriber options.
    /// </param>
    public TranscriptionVendor(VendorDefinition definition, TranscriberCapabilities capabilities, Func<object, TranscriberOptions, ITranscriber> createTranscriber)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        Capabilities = capabilities ?? throw new ArgumentNullException(nameof(capabilities));
        _createTranscriber = createTranscriber ?? throw new ArgumentNullException(nameof(createTranscriber));
        Id = VendorIdFormat.Normalize(definition.Id, nameof(definition));
    }

    /// <summary>The vendor id (<see cref="VendorDefinition.Id"/>), lower case.</summary>
    public string Id { get; }

    /// <summary>The vendor's name for people (<see cref="VendorDefinition.DisplayName"/>).</summary>
    public string DisplayName => Definition.DisplayName;

    /// <summary>The vendor's generated definition.</summary>
    public VendorDefinition Definition { get; }

    /// <summary>What the vendor's adapter can do, known without creating one.</summary>
    public TranscriberCapabilities Capabilities { get; }

    /// <summary>
    /// Creates the vendor's transcriber: checks the settings (credentials the definition asks for, option values),
    /// builds the client options from the definition and <paramref name="settings"/>, then the client and the adapter.
    /// </summary>
    /// <param name="settings">The API key (and secret when <see cref="VendorCredentials.RequiresSecret"/>), optionally another endpoint and client options.</param>
    /// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
    /// <param name="httpClient">The <see cref="HttpClient"/> to send with (not disposed), or <see langword="null"/> for the client's own. Give it <c>Timeout = Timeout.InfiniteTimeSpan</c>.</param>
    /// <returns>The transcriber.</returns>
    /// <exception cref="ArgumentException">A required credential is missing or not a valid HTTP header value (the message never shows it), or an option makes no sense.</exception>
    public ITranscriber Create(VendorSettings settings, TranscriberOptions? options = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RequireValid(settings, options);
        options ??= new TranscriberOptions();
        var clientOptions = Definition.CreateClientOptions(settings.ApiKey, Definition.Credentials.RequiresSecret ? settings.ApiSecret : null);
        Apply(clientOptions, settings, options);
        return CreateTranscriber(Definition.CreateClient(clientOptions, httpClient), options);
    }

    /// <summary>Makes the adapter over an existing client of this vendor.</summary>
    /// <param name="client">The vendor's client, as <see cref="VendorDefinition.CreateClient"/> makes it.</param>
    /// <param name="options">Polling, clock and logging; defaults when <see langword="null"/>.</param>
    /// <returns>The transcriber.</returns>
    public ITranscriber CreateTranscriber(object client, TranscriberOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return _createTranscriber(client, options ?? new TranscriberOptions());
    }

    /// <inheritdoc/>
    public override string ToString() => Definition.ToString();

    private static void Apply(TranscriptKitClientOptions clientOptions, VendorSettings settings, TranscriberOptions options)
    {
        if (settings.Endpoint is { } endpoint)
        {
            clientOptions.Endpoint = endpoint;
        }

        // Each setting left null keeps the client's own default; RequireValid already refused nonsense.
        clientOptions.RequestTimeout = settings.RequestTimeout ?? clientOptions.RequestTimeout;
        clientOptions.UploadIdleTimeout = settings.UploadIdleTimeout ?? clientOptions.UploadIdleTimeout;
        clientOptions.EventIdleTimeout = settings.EventIdleTimeout ?? clientOptions.EventIdleTimeout;
        clientOptions.ApplicationId = settings.ApplicationId ?? clientOptions.ApplicationId;
        if (settings.MaxRetries is not null || settings.RetryBaseDelay is not null)
        {
            clientOptions.Retry = clientOptions.Retry with
            {
                MaxRetries = settings.MaxRetries ?? clientOptions.Retry.MaxRetries,
                BaseDelay = settings.RetryBaseDelay ?? clientOptions.Retry.BaseDelay,
            };
        }

        clientOptions.TimeProvider = options.TimeProvider;
        clientOptions.Logger = options.Logger ?? clientOptions.Logger;
        clientOptions.AuthenticationProvider = options.AuthenticationProvider ?? clientOptions.AuthenticationProvider;
        if (options.Drift is { } drift)
        {
            clientOptions.Drift = drift;
            if (options.Logger is { } logger)
            {
                drift.LogTo(logger);
            }
        }
    }

    private void RequireValid(VendorSettings settings, TranscriberOptions? options)
    {
        if (options?.AuthenticationProvider is null && string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            throw new ArgumentException($"No API key for {Id}: set TranscriptKit:Vendors:{Id}:ApiKey (or VendorSettings.ApiKey).", nameof(settings));
        }

        if (options?.AuthenticationProvider is null && Definition.Credentials.RequiresSecret && string.IsNullOrWhiteSpace(settings.ApiSecret))
        {
            throw new ArgumentException($"{DisplayName} needs an API secret as well as the key: set TranscriptKit:Vendors:{Id}:ApiSecret (or VendorSettings.ApiSecret).", nameof(settings));
        }

        if (OptionsCheck.Problems(settings, "VendorSettings.", ".").FirstOrDefault() is { } problem)
        {
            throw new ArgumentException($"{problem} ({Id})", nameof(settings));
        }

        if (options?.Polling is { } polling && OptionsCheck.Problems(polling, "TranscriberOptions.Polling.").FirstOrDefault() is { } pollingProblem)
        {
            throw new ArgumentException(pollingProblem, nameof(options));
        }

        if (settings.ApiKey is { } key)
        {
            CredentialCheck.ThrowIfInvalid(key, $"VendorSettings.ApiKey for {Id}", nameof(settings));
        }

        if (settings.ApiSecret is { } secret)
        {
            CredentialCheck.ThrowIfInvalid(secret, $"VendorSettings.ApiSecret for {Id}", nameof(settings));
        }
    }
}
