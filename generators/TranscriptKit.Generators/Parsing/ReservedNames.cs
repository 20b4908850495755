using System.Collections.Generic;
using System.Linq;

namespace TranscriptKit.Generators.Parsing;

/// <summary>
/// Every name the generated code itself uses, per C# scope, in one table. A name from the vendor's wire (a JSON
/// field, an enum value, a parameter, an event) that would take one of these is numbered (<c>Equals2</c>,
/// <c>request2</c>); the spec maintainer's own names are checked against them by the name-reservation step
/// (<c>SpecParser.Names.cs</c>). New vocabulary that emits a new member adds its name here.
/// </summary>
internal static class ReservedNames
{
    /// <summary>Members every generated type inherits from <c>object</c>; hiding one is CS0108, a warning we treat as an error.</summary>
    public static readonly IReadOnlyList<string> ObjectMembers = new[] { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize" };

    /// <summary>Properties of a model record: what records synthesize (CS0102, CS8859 for Clone, CS8879 for EqualityContract).</summary>
    public static readonly IReadOnlyList<string> RecordMembers = ObjectMembers.Concat(new[] { "EqualityContract", "PrintMembers", "Deconstruct", "Clone" }).ToArray();

    /// <summary>Known values of an extensible enum struct: its own members too.</summary>
    public static readonly IReadOnlyList<string> EnumMembers = ObjectMembers.Concat(new[] { "Value", "IsKnown", Model.GeneratedNames.EnumDocumentedValues, Model.GeneratedNames.EnumWireValue }).ToArray();

    /// <summary>Data properties of an <c>x-tk-sse</c> event record.</summary>
    public static readonly IReadOnlyList<string> StreamEventMembers = RecordMembers.Concat(new[] { "EventType" }).ToArray();

    /// <summary>
    /// Parameters of operation methods: the parameters and locals the emitters add (the request, its body and
    /// response, upload progress, the token) and those of the <c>WaitFor…Async</c> helpers a status operation's
    /// parameters join (<c>job</c>, <c>options</c>, the <c>ct</c> of its lambda). <c>item</c> is the event loop's.
    /// </summary>
    public static readonly IReadOnlyList<string> OperationParameters = new[]
    {
        "cancellationToken", "progress", "body", "request", "response", "content", "job", "options", "ct", "item",
    };

    /// <summary>Members of the client class that no spec name produces.</summary>
    public static readonly IReadOnlyList<string> ClientMembers = ObjectMembers.Concat(new[] { "VendorId", "Dispose", "CreateAuthentication", "s_vendor", "_pipeline" }).ToArray();

    /// <summary>Members of the error-reasons class (static, but still an <c>object</c>).</summary>
    public static readonly IReadOnlyList<string> ErrorReasonMembers = ObjectMembers;
}
