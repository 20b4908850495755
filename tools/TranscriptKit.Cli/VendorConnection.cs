using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Authentication;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Cli;

/// <summary>
/// Where a command talks to one vendor and with which credentials: --api-key/--api-secret, else
/// TRANSCRIPTKIT_&lt;VENDOR&gt;_API_KEY/_API_SECRET; with neither a key nor --endpoint, the built-in sandbox.
/// </summary>
internal sealed class VendorConnection : IAsyncDisposable
{
    // The sandbox finishes a job after a few polls; the vendors' own intervals (up to 5 s) would only make people wait.
    private static readonly PollingOverride s_sandboxPolling = new()
    {
        InitialInterval = TimeSpan.FromMilliseconds(200),
        MaxInterval = TimeSpan.FromSeconds(1),
        BackoffFactor = 1.5,
        Timeout = TimeSpan.FromMinutes(2),
    };

    private VendorConnection(string vendor, VendorSettings settings, VendorSandbox? sandbox)
    {
        Vendor = vendor;
        Settings = settings;
        Sandbox = sandbox;
    }

    public string Vendor { get; }

    public VendorSettings Settings { get; }

    /// <summary>The in-process sandbox, when no key and no endpoint were given.</summary>
    public VendorSandbox? Sandbox { get; }

    public bool IsSandbox => Sandbox is not null;

    /// <summary>The endpoint actually used (the vendor's documented one when <see langword="null"/>).</summary>
    public Uri? Endpoint => Settings.Endpoint;

    public static string KeyVariable(string vendor) => $"TRANSCRIPTKIT_{vendor.ToUpperInvariant()}_API_KEY";

    public static string SecretVariable(string vendor) => $"TRANSCRIPTKIT_{vendor.ToUpperInvariant()}_API_SECRET";

    /// <summary>The vendor's name for people.</summary>
    public static string DisplayName(string vendor) =>
        Transcribers.Registry.TryGet(vendor, out var registered) ? registered.DisplayName : vendor;

    /// <summary>Resolves credentials and endpoint, starting the sandbox when there are neither.</summary>
    /// <param name="vendor">A normalized vendor id.</param>
    /// <param name="credentials">What the command line gave.</param>
    /// <param name="mediaDirectories">Folders the sandbox searches for sample media with SRT sidecars.</param>
    /// <param name="log">Where to say that the sandbox is used (stderr).</param>
    /// <param name="cancellationToken">Cancels starting the sandbox.</param>
    /// <exception cref="UsageException">An endpoint without a key, a vendor that needs a secret without it, or a key or secret that is not a valid HTTP header value.</exception>
    public static async Task<VendorConnection> OpenAsync(
        string vendor,
        ConnectionArguments credentials,
        IEnumerable<string> mediaDirectories,
        TextWriter log,
        CancellationToken cancellationToken)
    {
        var key = Credential(credentials.ApiKeyFor(vendor), "--api-key", KeyVariable(vendor));
        var secret = Credential(credentials.ApiSecretFor(vendor), "--api-secret", SecretVariable(vendor));
        var endpoint = credentials.EndpointFor(vendor);

        if (key is null && endpoint is null)
        {
            var options = new SandboxOptions();
            foreach (var emulator in CliVendors.CreateExtraEmulators())
            {
                options.Emulators.Add(emulator);
            }

            foreach (var directory in mediaDirectories.Where(Directory.Exists).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
            {
                options.MediaDirectories.Add(directory);
            }

            var sandbox = await VendorSandbox.StartAsync(options, cancellationToken).ConfigureAwait(false);
            var sandboxEndpoint = sandbox.GetEndpoint(vendor);
            await log.WriteLineAsync(
                $"No API key for {vendor}: using the built-in sandbox at {sandboxEndpoint} (simulated vendor; transcripts come from sidecar files). " +
                $"Pass --api-key or set {KeyVariable(vendor)} to use the real {DisplayName(vendor)}.").ConfigureAwait(false);
            return new VendorConnection(vendor, new VendorSettings { ApiKey = sandbox.ApiKey, ApiSecret = sandbox.ApiSecret, Endpoint = sandboxEndpoint }, sandbox);
        }

        if (key is null)
        {
            throw new UsageException($"--endpoint needs an API key for {vendor}: pass --api-key or set {KeyVariable(vendor)}.");
        }

        if (Transcribers.Registry.Get(vendor).Definition.Credentials.RequiresSecret && secret is null)
        {
            throw new UsageException($"{DisplayName(vendor)} needs an API secret as well as the key: pass --api-secret or set {SecretVariable(vendor)}.");
        }

        return new VendorConnection(vendor, new VendorSettings { ApiKey = key, ApiSecret = secret, Endpoint = endpoint }, sandbox: null);
    }

    /// <summary>Polling for this connection: short against the sandbox, the vendor's own otherwise; <paramref name="timeout"/> replaces only the overall timeout.</summary>
    public TranscriberOptions CreateTranscriberOptions(TimeSpan? timeout)
    {
        // The facade layers this on the spec's defaults, so a --timeout alone keeps the vendor's intervals.
        var polling = IsSandbox ? s_sandboxPolling.Then(new PollingOverride { Timeout = timeout }) : new PollingOverride { Timeout = timeout };
        return new TranscriberOptions { Polling = polling };
    }

    /// <summary>Applies endpoint and credentials to a vendor client's options (for the account commands).</summary>
    public T Configure<T>(T options)
        where T : TranscriptKitClientOptions
    {
        if (Settings.Endpoint is { } endpoint)
        {
            options.Endpoint = endpoint;
        }

        return options;
    }

    public async ValueTask DisposeAsync()
    {
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The option's value, else the environment variable's, trimmed; refused (by name, never by value) when it cannot be a header value.</summary>
    private static string? Credential(string? option, string optionName, string variable)
    {
        var (value, source) = !string.IsNullOrWhiteSpace(option)
            ? (option, optionName)
            : (Environment.GetEnvironmentVariable(variable), variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Trimmed first: a trailing newline from `export KEY=$(cat key.txt)` is a harmless, common accident.
        value = value.Trim();
        return CredentialCheck.FindProblem(value) is { } problem
            ? throw new UsageException(CredentialCheck.Describe(source, problem))
            : value;
    }
}
