using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace TranscriptKit.Runtime;

/// <summary>A vendor as its spec describes it: id, display name, and where its error bodies keep code and message.</summary>
/// <param name="Id">The vendor id, for example <c>captioncat</c>.</param>
/// <param name="DisplayName">The vendor's name for messages, for example <c>Caption Cat</c>.</param>
/// <param name="ErrorMessagePaths">Dotted JSON paths tried in order for the vendor's error message (<c>x-tk-errors.message</c>).</param>
/// <param name="ErrorCodePaths">Dotted JSON paths tried in order for the vendor's error code (<c>x-tk-errors.code</c>).</param>
/// <param name="Envelope">How responses are wrapped (<c>x-tk-envelope</c>), when they are.</param>
/// <param name="Responses">The spec's response schemas for the drift check (<see cref="TranscriptKitClientOptions.Drift"/>), when generated; built on first use, so a client without drift checking never builds it.</param>
/// <param name="Limits">The documented limits (<c>x-tk-limits</c>): the client-side rate limiter's defaults.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record VendorDescriptor(string Id, string DisplayName, IReadOnlyList<string> ErrorMessagePaths, IReadOnlyList<string> ErrorCodePaths, EnvelopeDescriptor? Envelope = null, Func<ResponseSchema>? Responses = null, VendorLimits? Limits = null);
