using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit;

/// <summary>
/// Calls one generated client method from wire-level arguments and returns its result as JSON text: how contract
/// replay, the CLI or a sandbox drive any vendor's operation without a switch over vendors or reflection.
/// </summary>
/// <param name="client">The vendor's client (its <c>I&lt;Vendor&gt;Client</c>), e.g. from <see cref="VendorDefinition.CreateClient"/>.</param>
/// <param name="arguments">Path, query and header values, the body, form fields, the file, and whether to stream.</param>
/// <param name="cancellationToken">Cancels the call.</param>
/// <returns>The result written by the vendor's generated JSON writers.</returns>
/// <exception cref="System.ArgumentException">The client is another vendor's, or a required argument is missing or not of its type.</exception>
/// <exception cref="TranscriptKitException">The call failed, as the typed method would have thrown.</exception>
public delegate Task<OperationResult> OperationInvoker(object client, OperationArguments arguments, CancellationToken cancellationToken);
