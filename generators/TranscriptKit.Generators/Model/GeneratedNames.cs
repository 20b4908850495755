namespace TranscriptKit.Generators.Model;

/// <summary>
/// The C# names the generated code derives from the names the parser chose, in one place: the emitters write them,
/// and the parser's name-reservation step checks them for clashes before anything is emitted.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The private table of an extensible enum's documented spellings.</summary>
    public const string EnumDocumentedValues = "s_documented";

    /// <summary>An extensible enum's value as sent (its documented spelling).</summary>
    public const string EnumWireValue = "WireValue";

    // Types, per spec (x-tk-client.name = Probe)
    public static string Client(string client) => client + "Client";

    public static string Interface(string client) => "I" + client + "Client";

    public static string Options(string client) => client + "ClientOptions";

    public static string Json(string client) => client + "Json";

    public static string ErrorReasons(string client) => client + "ErrorReasons";

    /// <summary>The static class holding the vendor definition: <c>SubclipVendor</c>.</summary>
    public static string Vendor(string client) => client + "Vendor";

    /// <summary>The generated table of response schemas the drift check reads.</summary>
    public static string ResponseSchema(string client) => client + "ResponseSchema";

    public static string StreamEvent(string stream) => stream + "Event";

    // Client members, per operation (its base name: getJob → GetJob)
    public static string OperationMethod(string operation) => operation + "Async";

    public static string ValidateHook(string operation) => "Validate" + operation;

    public static string OperationDescriptor(string operation) => "s_" + LowerFirst(operation);

    /// <summary>Readers of an array response, private to the client: <c>ReadListJobs_Response</c>, <c>…_2</c> per level.</summary>
    public static string ResponseArrayOwner(string operation) => operation + "_Response";

    // Client members, per x-tk-poll / x-tk-upload / x-tk-sse name
    public static string WaitFor(string poll) => "WaitFor" + poll + "Async";

    public static string CreateToken(string poll) => "Create" + poll + "Token";

    public static string GetOperation(string poll) => "Get" + poll + "Operation";

    public static string DefaultPolling(string poll) => "Default" + poll + "Polling";

    public static string Classify(string poll) => "Classify" + poll;

    public static string Upload(string upload) => "Upload" + upload + "Async";

    public static string Stream(string stream) => stream + "Async";

    public static string StreamDescriptor(string stream) => "s_" + LowerFirst(stream) + "Events";

    // Json class members, per schema
    public static string Read(string schema) => "Read" + schema;

    public static string ReadNullable(string schema) => "ReadNullable" + schema;

    public static string Write(string schema) => "Write" + schema;

    public static string Parse(string schema) => "Parse" + schema;

    /// <summary>The <c>JsonConverter&lt;T&gt;</c> nested in the JSON class that a model's <c>[JsonConverter]</c> names.</summary>
    public static string Converter(string schema) => schema + "JsonConverter";

    /// <summary>Readers of an array property: <c>ReadJob_Tags</c>, <c>ReadJob_Tags_2</c>… (a parser-made name never has an inner <c>_</c>).</summary>
    public static string PropertyArrayOwner(string schema, string property) => schema + "_" + property.TrimStart('@');

    public static string ArrayReader(string owner, int level) => level == 1 ? "Read" + owner : "Read" + owner + "_" + level.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A parameter's name in <c>&lt;param name="…"/&gt;</c>: the identifier without its verbatim <c>@</c>.</summary>
    public static string DocParameter(string parameter) => parameter.TrimStart('@');

    private static string LowerFirst(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);
}
