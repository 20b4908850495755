using System;
using System.Collections.Generic;
using System.Linq;

namespace TranscriptKit;

/// <summary>
/// A vendor's response schemas, generated from its spec (<c>&lt;Name&gt;Vendor.ResponseSchema</c>) so drift can be
/// checked at run time without the YAML. Read only when <see cref="TranscriptKitClientOptions.Drift"/> is set.
/// </summary>
public sealed class ResponseSchema
{
    /// <summary>Creates a schema. Called by generated code.</summary>
    /// <param name="vendor">The vendor id.</param>
    /// <param name="models">Every model of the spec.</param>
    /// <param name="operations">Every operation's documented answers.</param>
    public ResponseSchema(string vendor, IEnumerable<ResponseModel> models, IEnumerable<OperationResponse> operations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(operations);
        Vendor = vendor;
        Models = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        Operations = operations.ToDictionary(o => o.OperationId, StringComparer.Ordinal);
    }

    /// <summary>The vendor id.</summary>
    public string Vendor { get; }

    /// <summary>Models by spec name.</summary>
    public IReadOnlyDictionary<string, ResponseModel> Models { get; }

    /// <summary>Operations by operationId.</summary>
    public IReadOnlyDictionary<string, OperationResponse> Operations { get; }
}
