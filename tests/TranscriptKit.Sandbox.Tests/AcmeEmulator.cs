using System.Collections.Concurrent;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TranscriptKit.Sandbox.Tests;

/// <summary>
/// A user's own vendor, written only against the public <see cref="VendorEmulator"/> surface: a paid job and its poll,
/// errors as <c>{"problem": …}</c>, the default Bearer check.
/// </summary>
internal sealed class AcmeEmulator(string id = "acme", string prefix = "/acme/v1") : VendorEmulator
{
    private readonly ConcurrentDictionary<string, int> _polls = new();
    private readonly ConcurrentDictionary<string, bool> _fails = new();

    public override string Id => id;

    public override string DisplayName => "Acme Transcripts";

    public override string Prefix => prefix;

    protected override void Map(IEndpointRouteBuilder routes)
    {
        MapPost(routes, "/jobs", "createJob", CreateAsync);
        MapGet(routes, "/jobs/{id}", "getJob", GetAsync);
    }

    protected override Task WriteErrorAsync(HttpContext context, int status, string message, string? code = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new Problem(message), context.RequestAborted);
    }

    private Task CreateAsync(HttpContext context)
    {
        var jobId = "job" + _polls.Count;
        _polls[jobId] = 0;
        _fails[jobId] = TakeJobFailure();
        context.Response.StatusCode = StatusCodes.Status201Created;
        return context.Response.WriteAsJsonAsync(new Job(jobId, "queued"), context.RequestAborted);
    }

    private Task GetAsync(HttpContext context)
    {
        var jobId = context.Request.RouteValues["id"]?.ToString() ?? string.Empty;
        if (!_polls.TryGetValue(jobId, out var polls))
        {
            return WriteErrorAsync(context, StatusCodes.Status404NotFound, "no such job");
        }

        _polls[jobId] = polls + 1;
        var state = polls < Options.PendingPolls ? "running" : _fails[jobId] ? "failed" : "done";
        return context.Response.WriteAsJsonAsync(new Job(jobId, state), context.RequestAborted);
    }

    private sealed record Problem(string problem);

    private sealed record Job(string id, string state);
}
