using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Benchmarks.PerCall.Floor;

/// <summary>The floor: <see cref="HttpClient"/> and source-generated System.Text.Json, nothing else.</summary>
public sealed class FloorSubclipClient(HttpClient http, string baseUrl, string apiKey)
{
    private readonly AuthenticationHeaderValue _authorization = new("Bearer", apiKey);

    public async Task<FloorJobStatusResult> GetJobAsync(string projectId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, baseUrl + "/social-transcripts/jobs/" + Uri.EscapeDataString(projectId));
        request.Headers.Authorization = _authorization;
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.FloorJobStatusResult, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<FloorCreateJobResult> CreateJobAsync(FloorCreateJobRequest body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/social-transcripts/jobs")
        {
            Content = JsonContent.Create(body, FloorJsonContext.Default.FloorCreateJobRequest),
        };
        request.Headers.Authorization = _authorization;
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.FloorCreateJobResult, cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        FloorErrorBody? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.FloorErrorBody, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // Not JSON: the status alone says what failed.
        }

        throw new FloorApiException(response.StatusCode, error?.Error);
    }
}

/// <summary>The floor's one error type: status and the vendor's message.</summary>
public sealed class FloorApiException(HttpStatusCode status, string? vendorMessage)
    : Exception($"Subclip answered {(int)status}: {vendorMessage}")
{
    public HttpStatusCode Status { get; } = status;

    public string? VendorMessage { get; } = vendorMessage;
}
