using System.ComponentModel;
using System.Net.Http;

namespace TranscriptKit.Runtime;

/// <summary>A request body that can make a fresh <see cref="HttpContent"/> for each attempt.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class RequestBody
{
    /// <summary>Whether a second attempt can send the same bytes (false for a stream that cannot seek back).</summary>
    public abstract bool IsReplayable { get; }

    /// <summary>Whether the body streams a file, so per-attempt timeouts do not apply (a 2 GB upload outlasts any fixed limit).</summary>
    public virtual bool IsStreaming => false;

    /// <summary>Creates the content for one attempt.</summary>
    public abstract HttpContent CreateContent();
}
