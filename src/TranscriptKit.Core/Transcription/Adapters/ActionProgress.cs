using System;

namespace TranscriptKit;

// Progress<T> posts to the captured SynchronizationContext, which reorders reports and can outlive the call; report inline instead.
internal sealed class ActionProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
