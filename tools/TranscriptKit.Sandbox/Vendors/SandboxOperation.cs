namespace TranscriptKit.Sandbox.Vendors;

/// <summary>Route metadata: the spec operationId an endpoint emulates, and whether its request carries an upload.</summary>
internal sealed record SandboxOperation(string OperationId, bool IsUpload);
