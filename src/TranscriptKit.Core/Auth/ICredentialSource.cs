using System.Collections.Generic;

namespace TranscriptKit.Runtime;

/// <summary>
/// An authentication provider that can tell the client its own credentials, so the client can mask them wherever a
/// vendor echoes them back. Internal: only TranscriptKit's own providers are trusted to answer.
/// </summary>
internal interface ICredentialSource
{
    /// <summary>The raw secrets this provider sends.</summary>
    IEnumerable<string> Secrets { get; }
}
