using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;
using TranscriptKit.Testing;

namespace TranscriptKit.Vendors.Tests;

/// <summary>
/// One recorded success per operation, taken from the contract fixtures (tests/fixtures/&lt;vendor&gt;): its request
/// becomes wire-level arguments and its response the canned answer, so no case needs a switch over vendors or operations.
/// </summary>
internal sealed record Sample(VendorDefinition Vendor, VendorOperation Operation, CassetteInteraction Interaction)
{
    public const string Key = "sk-shared-suite-key-4f1c";
    public const string Secret = "sk-shared-suite-secret-9d2e";

    private static readonly Lazy<IReadOnlyList<Sample>> s_all = new(Load);

    public static IReadOnlyList<Sample> All => s_all.Value;

    public override string ToString() => Vendor.Id + "." + Operation.OperationId;

    /// <summary>Every operation of every vendor has a sample: a vendor that adds an operation adds its fixture.</summary>
    public static Sample For(VendorDefinition vendor, VendorOperation operation) =>
        All.FirstOrDefault(s => s.Vendor == vendor && s.Operation == operation)
        ?? throw new AssertionException($"{vendor.Id} {operation.OperationId} has no successful recorded interaction in tests/fixtures/{vendor.Id}");

    /// <summary>The recorded 2xx answer, with its headers.</summary>
    public HttpResponseMessage Answer()
    {
        var response = Interaction.Response;
        var type = response.Headers.TryGetValue("Content-Type", out var t) ? t : "application/json";
        var message = new HttpResponseMessage((HttpStatusCode)response.Status)
        {
            Content = new StringContent(response.Body ?? string.Empty, Encoding.UTF8),
        };
        message.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
        foreach (var (name, value) in response.Headers.Where(h => !h.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    /// <summary>Options for the vendor on the fake clock with the suite's key (and secret where the scheme has one).</summary>
    public static TranscriptKitClientOptions Options(VendorDefinition vendor, RetryOptions? retry = null, Uri? endpoint = null)
    {
        var options = vendor.CreateClientOptions(Key, Secret);
        options.Endpoint = endpoint ?? vendor.DefaultEndpoint;
        options.Retry = retry ?? new RetryOptions { MaxRetries = 0 };
        options.TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return options;
    }

    /// <summary>Calls the operation through its generated invoker with the recorded arguments.</summary>
    public System.Threading.Tasks.Task<OperationResult> Invoke(object client, System.Threading.CancellationToken cancellationToken = default)
    {
        var invoke = Operation.Invoke ?? throw new AssertionException($"{this} has no invoker");
        return invoke(client, Arguments(), cancellationToken);
    }

    /// <summary>The request path the sample expects under the vendor's default endpoint's path.</summary>
    public string RelativePath
    {
        get
        {
            var basePath = Vendor.DefaultEndpoint.AbsolutePath.TrimEnd('/');
            var path = Interaction.Request.Path;
            var q = path.IndexOf('?');
            path = q < 0 ? path : path[..q];
            return path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : path;
        }
    }

    /// <summary>The recorded query, with its "?" (empty when there is none).</summary>
    public string Query
    {
        get
        {
            var path = Interaction.Request.Path;
            var q = path.IndexOf('?');
            return q < 0 ? string.Empty : path[q..];
        }
    }

    /// <summary>The last 2xx answer to <paramref name="operationId"/> in the vendor's recorded flows (a flow ends with its job done), if any.</summary>
    public static string? LastAnswerInFlows(VendorDefinition vendor, string operationId) =>
        Directory.EnumerateFiles(Folder(FixtureRoot(), vendor.Id), "flow-*.json")
            .OrderBy(path => path, StringComparer.Ordinal)
            .SelectMany(path => Cassette.Load(path).Interactions)
            .LastOrDefault(i => i.Operation == operationId && i.Response.Status is >= 200 and < 300)?.Response.Body;

    private OperationArguments Arguments() =>
        RecordedArguments.From(Operation, Interaction, Vendor.DefaultEndpoint.AbsolutePath, UploadFile.FromStream(new MemoryStream(new byte[16]), "video.mp4"), header => !IsCredential(header));

    private bool IsCredential(string header) =>
        Vendor.Credentials.Headers.Contains(header, StringComparer.OrdinalIgnoreCase) || header.Equals("Authorization", StringComparison.OrdinalIgnoreCase);

    internal static string FixtureRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "fixtures");
            if (Directory.Exists(candidate) && Directory.Exists(Path.Combine(directory.FullName, "specs")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/fixtures was not found above " + AppContext.BaseDirectory);
    }

    // A vendor outside tests/fixtures (the test vendor in tests/Vendors) has its project copy its cassettes to fixtures/<id> in the output.
    private static string Folder(string root, string vendor)
    {
        var inRepository = Path.Combine(root, vendor);
        var copied = Path.Combine(AppContext.BaseDirectory, "fixtures", vendor);
        return Directory.Exists(inRepository) || !Directory.Exists(copied) ? inRepository : copied;
    }

    private static IReadOnlyList<Sample> Load()
    {
        var root = FixtureRoot();
        var samples = new List<Sample>();
        foreach (var vendor in Vendors.All)
        {
            // Only successes, plain scenarios first: a 2xx can still carry a business error in an envelope
            // (those scenarios are named "-error-"), and an upload flow's signed-URL PUT has no operation of its own.
            var interactions = Directory.EnumerateFiles(Folder(root, vendor.Id), "*.json")
                .OrderBy(path => Path.GetFileName(path).Contains("error", StringComparison.Ordinal) || Path.GetFileName(path).Contains("fail", StringComparison.Ordinal))
                .ThenBy(path => path, StringComparer.Ordinal)
                .SelectMany(path => Cassette.Load(path).Interactions)
                .Where(i => i.Operation is not null && i.Response.Status is >= 200 and < 300)
                .ToList();
            foreach (var operation in vendor.Operations)
            {
                if (interactions.FirstOrDefault(i => i.Operation == operation.OperationId) is { } interaction)
                {
                    samples.Add(new Sample(vendor, operation, interaction));
                }
            }
        }

        return samples;
    }
}
