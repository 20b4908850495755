namespace TranscriptKit.Reliability.Tests.FaultInjection;

/// <summary>One request of a vendor flow, named by the spec operationId the sandbox logs it under.</summary>
/// <param name="Operation">The operationId (or <c>signedUpload</c> for a PUT to a signed storage URL).</param>
/// <param name="Step">Where in the flow it is sent.</param>
/// <param name="CarriesFile">Whether its body is the media file (so an upload can hang on it).</param>
public sealed record FlowOperation(string Operation, FlowStep Step, bool CarriesFile = false);
