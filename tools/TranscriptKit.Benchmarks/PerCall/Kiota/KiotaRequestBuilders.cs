using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using TranscriptKit.Benchmarks.PerCall.Kiota.Models;

namespace TranscriptKit.Benchmarks.PerCall.Kiota;

// Request builders as Kiota generates them for Subclip's paths: client → socialTranscripts → jobs → jobs[projectId].

public partial class SubclipKiotaClient : BaseRequestBuilder
{
    public SubclipKiotaClient(IRequestAdapter requestAdapter)
        : base(requestAdapter, "{+baseurl}", new Dictionary<string, object>())
    {
        ApiClientBuilder.RegisterDefaultSerializer<JsonSerializationWriterFactory>();
        ApiClientBuilder.RegisterDefaultDeserializer<JsonParseNodeFactory>();
        if (string.IsNullOrEmpty(RequestAdapter.BaseUrl))
        {
            RequestAdapter.BaseUrl = "https://www.subclip.app/api/v1";
        }

        PathParameters.TryAdd("baseurl", RequestAdapter.BaseUrl);
    }

    public SocialTranscriptsRequestBuilder SocialTranscripts => new(PathParameters, RequestAdapter);
}

public partial class SocialTranscriptsRequestBuilder : BaseRequestBuilder
{
    public SocialTranscriptsRequestBuilder(Dictionary<string, object> pathParameters, IRequestAdapter requestAdapter)
        : base(requestAdapter, "{+baseurl}/social-transcripts", pathParameters)
    {
    }

    public JobsRequestBuilder Jobs => new(PathParameters, RequestAdapter);
}

public partial class JobsRequestBuilder : BaseRequestBuilder
{
    public JobsRequestBuilder(Dictionary<string, object> pathParameters, IRequestAdapter requestAdapter)
        : base(requestAdapter, "{+baseurl}/social-transcripts/jobs", pathParameters)
    {
    }

    public WithProjectItemRequestBuilder this[string position]
    {
        get
        {
            var urlTplParams = new Dictionary<string, object>(PathParameters);
            urlTplParams.Add("projectId", position);
            return new WithProjectItemRequestBuilder(urlTplParams, RequestAdapter);
        }
    }

    public async Task<CreateJobResult?> PostAsync(CreateJobRequest body, Action<RequestConfiguration<DefaultQueryParameters>>? requestConfiguration = default, CancellationToken cancellationToken = default)
    {
        _ = body ?? throw new ArgumentNullException(nameof(body));
        var requestInfo = ToPostRequestInformation(body, requestConfiguration);
        var errorMapping = new Dictionary<string, ParsableFactory<IParsable>>
        {
            { "400", ErrorBody.CreateFromDiscriminatorValue },
            { "401", ErrorBody.CreateFromDiscriminatorValue },
            { "429", ErrorBody.CreateFromDiscriminatorValue },
            { "500", ErrorBody.CreateFromDiscriminatorValue },
        };
        return await RequestAdapter.SendAsync<CreateJobResult>(requestInfo, CreateJobResult.CreateFromDiscriminatorValue, errorMapping, cancellationToken).ConfigureAwait(false);
    }

    public RequestInformation ToPostRequestInformation(CreateJobRequest body, Action<RequestConfiguration<DefaultQueryParameters>>? requestConfiguration = default)
    {
        _ = body ?? throw new ArgumentNullException(nameof(body));
        var requestInfo = new RequestInformation(Method.POST, UrlTemplate, PathParameters);
        requestInfo.Configure(requestConfiguration);
        requestInfo.Headers.TryAdd("Accept", "application/json");
        requestInfo.SetContentFromParsable(RequestAdapter, "application/json", body);
        return requestInfo;
    }
}

public partial class WithProjectItemRequestBuilder : BaseRequestBuilder
{
    public WithProjectItemRequestBuilder(Dictionary<string, object> pathParameters, IRequestAdapter requestAdapter)
        : base(requestAdapter, "{+baseurl}/social-transcripts/jobs/{projectId}", pathParameters)
    {
    }

    public async Task<JobStatusResult?> GetAsync(Action<RequestConfiguration<DefaultQueryParameters>>? requestConfiguration = default, CancellationToken cancellationToken = default)
    {
        var requestInfo = ToGetRequestInformation(requestConfiguration);
        var errorMapping = new Dictionary<string, ParsableFactory<IParsable>>
        {
            { "400", ErrorBody.CreateFromDiscriminatorValue },
            { "401", ErrorBody.CreateFromDiscriminatorValue },
            { "429", ErrorBody.CreateFromDiscriminatorValue },
            { "500", ErrorBody.CreateFromDiscriminatorValue },
        };
        return await RequestAdapter.SendAsync<JobStatusResult>(requestInfo, JobStatusResult.CreateFromDiscriminatorValue, errorMapping, cancellationToken).ConfigureAwait(false);
    }

    public RequestInformation ToGetRequestInformation(Action<RequestConfiguration<DefaultQueryParameters>>? requestConfiguration = default)
    {
        var requestInfo = new RequestInformation(Method.GET, UrlTemplate, PathParameters);
        requestInfo.Configure(requestConfiguration);
        requestInfo.Headers.TryAdd("Accept", "application/json");
        return requestInfo;
    }
}
