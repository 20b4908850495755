using System;

namespace TranscriptKit.Tests;

/// <summary>Keeps only the last report, so a test of a huge upload adds no bookkeeping of its own to the memory it measures.</summary>
public sealed class LastProgress<T> : IProgress<T>
{
    public T? Last { get; private set; }

    public void Report(T value) => Last = value;
}
