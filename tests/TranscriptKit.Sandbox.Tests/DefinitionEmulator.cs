using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TranscriptKit.Sandbox.Tests;

/// <summary>An emulator that states nothing but its definition and one operation: id, prefix, route and credential check come from the spec.</summary>
internal sealed class DefinitionEmulator(VendorDefinition definition, string operationId) : VendorEmulator(definition)
{
    protected override void Map(IEndpointRouteBuilder routes) =>
        MapOperation(routes, operationId, context => context.Response.WriteAsync("pong", context.RequestAborted));

    protected override Task WriteErrorAsync(HttpContext context, int status, string message, string? code = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(message, context.RequestAborted);
    }
}
