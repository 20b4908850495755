using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TranscriptKit.Runtime;

namespace TranscriptKit.Reliability.Tests.ResponseFuzzing.Content;

/// <summary>One operation of a generated client, called through reflection with plausible arguments, and its documented responses as seeds.</summary>
public sealed record FuzzTarget(string VendorId, string DisplayName, Type ClientType, Type OptionsType, MethodInfo Method, string OperationId, bool IsStream, IReadOnlyList<Seed> Seeds)
{
    /// <summary>The body property left null so the client's own request checks pass (Subclip takes a URL or an upload key, not both).</summary>
    public string? OmittedProperty { get; init; }

    /// <summary>The credentials this client sends, and so can mask: a bearer vendor never learns the secret.</summary>
    public IReadOnlyList<string> Secrets => OptionsType.GetProperty("ApiSecret") is null ? [ApiKey] : [ApiKey, ApiSecret];

    public const string ApiKey = "tk_live_Zx9QmP4sKey";
    public const string ApiSecret = "sec_Vb7Ln2RtSecret";

    public static readonly Type[] Clients =
    [
        typeof(CaptionCat.CaptionCatClient),
        typeof(Subclip.SubclipClient),
        typeof(TranscriptGenerate.TranscriptGenerateClient),
        typeof(Cliptext.CliptextClient),
        typeof(Soscripted.SoscriptedClient),
    ];

    public static SecretMask Mask { get; } = SecretMask.For([ApiKey, ApiSecret]);

    public override string ToString() => $"{VendorId}.{OperationId}{(IsStream ? " (stream)" : string.Empty)}";

    /// <summary>Every operation of the five clients that has a documented response and takes no upload.</summary>
    public static IReadOnlyList<FuzzTarget> All()
    {
        var targets = new List<FuzzTarget>();
        foreach (var client in Clients)
        {
            var vendor = (VendorDescriptor)client.GetField("s_vendor", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            var options = client.GetConstructors().Select(c => c.GetParameters()).First(p => p.Length == 2)[1].ParameterType;
            var interactions = LoadInteractions(vendor.Id);
            foreach (var method in client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (!method.Name.EndsWith("Async", StringComparison.Ordinal) || method.Name.StartsWith("WaitFor", StringComparison.Ordinal) ||
                    method.GetParameters().Any(p => p.ParameterType == typeof(UploadFile)))
                {
                    continue;
                }

                var isStream = method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>);
                var name = method.Name[..^"Async".Length];
                var seeds = isStream
                    ? interactions.Where(i => i.ContentType?.Contains("event-stream", StringComparison.Ordinal) == true).ToList()
                    : interactions.Where(i => string.Equals(i.Operation, name, StringComparison.OrdinalIgnoreCase) && i.ContentType?.Contains("event-stream", StringComparison.Ordinal) != true).ToList();
                if (seeds.Count > 0 && Sendable(new FuzzTarget(vendor.Id, vendor.DisplayName, client, options, method, seeds[0].Operation, isStream, seeds)) is { } target)
                {
                    targets.Add(target);
                }
            }
        }

        return targets;
    }

    /// <summary>The target with a request body its client agrees to send, trying one string property left out at a time.</summary>
    private static FuzzTarget? Sendable(FuzzTarget target)
    {
        var bodyType = target.Method.GetParameters().Select(p => p.ParameterType).FirstOrDefault(t => !t.IsValueType && t != typeof(string));
        var candidates = new List<string?> { null };
        candidates.AddRange(bodyType?.GetProperties().Where(p => p.CanWrite && p.PropertyType == typeof(string)).Select(p => p.Name) ?? []);
        foreach (var omitted in candidates)
        {
            var candidate = target with { OmittedProperty = omitted };
            var handler = new ProbeHandler();
            try
            {
                candidate.CallAsync(handler, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (Exception) when (handler.Sent)
            {
                // Sent: whatever the canned answer made of it, the request itself passed the client's checks.
            }
            catch (ArgumentException)
            {
                continue;
            }

            return candidate;
        }

        return null;
    }

    /// <summary>Calls the operation once against a handler; returns the parsed value(s), or throws what the client threw.</summary>
    public async Task<object?> CallAsync(HttpMessageHandler handler, CancellationToken cancellationToken)
    {
        var options = Activator.CreateInstance(OptionsType)!;
        OptionsType.GetProperty("ApiKey")?.SetValue(options, ApiKey);
        OptionsType.GetProperty("ApiSecret")?.SetValue(options, ApiSecret);
        OptionsType.GetProperty(nameof(TranscriptKitClientOptions.Endpoint))!.SetValue(options, new Uri("https://vendor.example.test/api/"));

        // No retries: a retried 5xx would wait real seconds, and the first answer is what is being judged.
        OptionsType.GetProperty(nameof(TranscriptKitClientOptions.Retry))!.SetValue(options, new RetryOptions { MaxRetries = 0 });
        using var client = (IDisposable)Activator.CreateInstance(ClientType, new HttpClient(handler, disposeHandler: false), options)!;
        var arguments = Method.GetParameters().Select(p => Argument(p, OmittedProperty, cancellationToken)).ToArray();
        object? result;
        try
        {
            result = Method.Invoke(client, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }

        if (IsStream)
        {
            var drain = typeof(FuzzTarget).GetMethod(nameof(DrainAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(Method.ReturnType.GetGenericArguments()[0]);
            return await ((Task<List<object?>>)drain.Invoke(null, [result])!).ConfigureAwait(false);
        }

        var task = (Task)result!;
        await task.ConfigureAwait(false);
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private static async Task<List<object?>> DrainAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<object?>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }

    private static object? Argument(ParameterInfo parameter, string? omitted, CancellationToken cancellationToken)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (type == typeof(string))
        {
            return "id_42";
        }

        if (type.IsValueType)
        {
            return parameter.HasDefaultValue ? parameter.DefaultValue : Activator.CreateInstance(type);
        }

        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }

        // A request body: every string a plausible URL (the URL-only vendors check it), numbers 1.
        var body = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties().Where(p => p.CanWrite))
        {
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object? value = propertyType == typeof(string) ? "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
                : propertyType == typeof(int) ? 1
                : propertyType == typeof(long) ? 1L
                : propertyType == typeof(double) ? 1d
                : propertyType == typeof(bool) ? true
                : null;
            if (value is not null && property.Name != omitted)
            {
                property.SetValue(body, value);
            }
        }

        return body;
    }

    private static List<Seed> LoadInteractions(string vendor)
    {
        var seeds = new List<Seed>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(FixturesDirectory(), vendor), "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { AllowTrailingCommas = true });
            foreach (var interaction in document.RootElement.GetProperty("interactions").EnumerateArray())
            {
                if (!interaction.TryGetProperty("operation", out var operation) || operation.GetString() is not { } operationId)
                {
                    continue;
                }

                var response = interaction.GetProperty("response");
                var contentType = response.TryGetProperty("headers", out var headers)
                    ? headers.EnumerateObject().Where(h => h.NameEquals("Content-Type")).Select(h => h.Value.GetString()).FirstOrDefault()
                    : null;
                var body = response.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : string.Empty;
                seeds.Add(new Seed(operationId, response.GetProperty("status").GetInt32(), contentType, System.Text.Encoding.UTF8.GetBytes(body)));
            }
        }

        return seeds;
    }

    private static string FixturesDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/fixtures was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Answers 204 and remembers that a request got this far.</summary>
internal sealed class ProbeHandler : HttpMessageHandler
{
    public bool Sent { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent = true;
        return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NoContent) { RequestMessage = request, Content = new ByteArrayContent([]) });
    }
}

/// <summary>A documented response: the operation it answers, its status, content type and body.</summary>
public sealed record Seed(string Operation, int Status, string? ContentType, byte[] Body);
