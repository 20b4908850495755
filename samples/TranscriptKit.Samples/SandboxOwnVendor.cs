using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TranscriptKit.Acme;
using TranscriptKit.Sandbox;

// <readme:sandbox-own-vendor>
// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "sandbox-own-vendor", compiled so it cannot rot.</summary>
internal static class SandboxOwnVendorSample
{
// </readme:hide>
sealed class AcmeEmulator() : VendorEmulator(AcmeVendor.Definition)
{
    protected override void Map(IEndpointRouteBuilder routes)
    {
        // Method and path template come from the spec's operation; its path parameters are the route values.
        MapOperation(routes, "createJob", context => /* TakeJobFailure(), Options.PendingPolls… */ Task.CompletedTask);
        MapOperation(routes, "getJob", context => Task.CompletedTask);
    }

    protected override Task WriteErrorAsync(HttpContext context, int status, string message, string? code = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { problem = message });
    }
}

// <readme:hide>
    public static async Task RunAsync()
    {
// </readme:hide>
await using var sandbox = await VendorSandbox.StartAsync(new SandboxOptions { Emulators = { new AcmeEmulator() } });
var client = new AcmeClient(new AcmeClientOptions { ApiKey = sandbox.ApiKey, Endpoint = sandbox.GetEndpoint("acme") });
sandbox.Faults.For("acme").FailNext(1, 503, operation: "createJob");
// <readme:hide>
    }
}
// </readme:hide>
// </readme:sandbox-own-vendor>
