namespace TranscriptKit.Generators.Emitting;

/// <summary>
/// Every runtime type the generated code names, in one table, so the generator and TranscriptKit.Core cannot drift
/// apart through scattered strings.
/// </summary>
internal static class KnownTypes
{
    // TranscriptKit.Core, public surface
    public const string ClientOptions = "global::TranscriptKit.TranscriptKitClientOptions";
    public const string JobToken = "global::TranscriptKit.JobToken";
    public const string Operation = "global::TranscriptKit.Operation";
    public const string PollingOptions = "global::TranscriptKit.PollingOptions";
    public const string PollProgress = "global::TranscriptKit.PollProgress";
    public const string UploadFile = "global::TranscriptKit.UploadFile";
    public const string UploadProgress = "global::TranscriptKit.UploadProgress";
    public const string TranscriptKitException = "global::TranscriptKit.TranscriptKitException";
    public const string VendorDefinition = "global::TranscriptKit.VendorDefinition";
    public const string ResponseSchema = "global::TranscriptKit.ResponseSchema";
    public const string ResponseModel = "global::TranscriptKit.ResponseModel";
    public const string OperationResponse = "global::TranscriptKit.OperationResponse";
    public const string SchemaNode = "global::TranscriptKit.SchemaNode";
    public const string SchemaProperty = "global::TranscriptKit.SchemaProperty";
    public const string SchemaKind = "global::TranscriptKit.SchemaKind";
    public const string VendorCredentials = "global::TranscriptKit.VendorCredentials";
    public const string CredentialScheme = "global::TranscriptKit.CredentialScheme";
    public const string VendorOperation = "global::TranscriptKit.VendorOperation";
    public const string VendorJob = "global::TranscriptKit.VendorJob";
    public const string JobStatusValue = "global::TranscriptKit.JobStatusValue";
    public const string JobStatusMeaning = "global::TranscriptKit.JobStatusMeaning";
    public const string JobStatusMatch = "global::TranscriptKit.JobStatusMatch";
    public const string VendorLimits = "global::TranscriptKit.VendorLimits";
    public const string VendorPricing = "global::TranscriptKit.VendorPricing";
    public const string BilledPer = "global::TranscriptKit.BilledPer";
    public const string PricingRounding = "global::TranscriptKit.PricingRounding";
    public const string VendorPlan = "global::TranscriptKit.VendorPlan";
    public const string VendorUpload = "global::TranscriptKit.VendorUpload";
    public const string OperationArguments = "global::TranscriptKit.OperationArguments";
    public const string OperationResult = "global::TranscriptKit.OperationResult";
    public const string OperationEvent = "global::TranscriptKit.OperationEvent";
    public const string BearerAuth = "global::TranscriptKit.Authentication.BearerTokenAuthenticationProvider";
    public const string ApiKeyHeadersAuth = "global::TranscriptKit.Authentication.ApiKeyHeadersAuthenticationProvider";

    // TranscriptKit.Core, for generated code only
    public const string OperationInvocation = "global::TranscriptKit.Runtime.OperationInvocation";
    public const string ClientPipeline = "global::TranscriptKit.Runtime.ClientPipeline";
    public const string VendorDescriptor = "global::TranscriptKit.Runtime.VendorDescriptor";
    public const string OperationDescriptor = "global::TranscriptKit.Runtime.OperationDescriptor";
    public const string JsonPrimitives = "global::TranscriptKit.Runtime.JsonPrimitives";
    public const string JsonRequestBody = "global::TranscriptKit.Runtime.JsonRequestBody";
    public const string FormRequestBody = "global::TranscriptKit.Runtime.FormRequestBody";
    public const string MultipartRequestBody = "global::TranscriptKit.Runtime.MultipartRequestBody";
    public const string PollOutcome = "global::TranscriptKit.Runtime.PollOutcome";
    public const string EnvelopeDescriptor = "global::TranscriptKit.Runtime.EnvelopeDescriptor";
    public const string EnvelopeErrorRule = "global::TranscriptKit.Runtime.EnvelopeErrorRule";
    public const string ErrorKind = "global::TranscriptKit.Runtime.ErrorKind";
    public const string SseDescriptor = "global::TranscriptKit.Runtime.SseDescriptor";
    public const string TranscriptKitResponseException = "global::TranscriptKit.TranscriptKitResponseException";
    public const string AsyncEnumerable = "global::System.Collections.Generic.IAsyncEnumerable";
    public const string EnumeratorCancellation = "global::System.Runtime.CompilerServices.EnumeratorCancellation";

    // Kiota abstractions
    public const string AuthenticationProvider = "global::Microsoft.Kiota.Abstractions.Authentication.IAuthenticationProvider";
    public const string Method = "global::Microsoft.Kiota.Abstractions.Method";

    // BCL
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string HttpClient = "global::System.Net.Http.HttpClient";
    public const string Uri = "global::System.Uri";
    public const string TimeSpan = "global::System.TimeSpan";
    public const string Progress = "global::System.IProgress";
    public const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string KeyValuePair = "global::System.Collections.Generic.KeyValuePair";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string ArgumentException = "global::System.ArgumentException";
    public const string StringComparison = "global::System.StringComparison";
    public const string InvariantCulture = "global::System.Globalization.CultureInfo.InvariantCulture";
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";
    // Both the base class JsonConverter<T> and, written in [...], the attribute JsonConverterAttribute.
    public const string JsonConverter = "global::System.Text.Json.Serialization.JsonConverter";
    public const string JsonSerializerOptions = "global::System.Text.Json.JsonSerializerOptions";
    public const string HiddenFromEditor = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    /// <summary>The runtime's <c>ErrorKind</c> member for a business error's kind.</summary>
    public static string ErrorKindMember(Model.EnvelopeErrorKind kind) => kind switch
    {
        Model.EnvelopeErrorKind.General => ErrorKind + ".General",
        Model.EnvelopeErrorKind.Authentication => ErrorKind + ".Authentication",
        Model.EnvelopeErrorKind.Forbidden => ErrorKind + ".Forbidden",
        Model.EnvelopeErrorKind.InsufficientCredits => ErrorKind + ".InsufficientCredits",
        Model.EnvelopeErrorKind.RateLimit => ErrorKind + ".RateLimit",
        Model.EnvelopeErrorKind.NotFound => ErrorKind + ".NotFound",
        Model.EnvelopeErrorKind.BadRequest => ErrorKind + ".BadRequest",
        Model.EnvelopeErrorKind.Server => ErrorKind + ".Server",
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "an envelope error kind the runtime has no member for"),
    };
}
