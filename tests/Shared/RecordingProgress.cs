using System;
using System.Collections.Generic;

namespace TranscriptKit.Tests;

/// <summary>A synchronous <see cref="IProgress{T}"/> (unlike <see cref="Progress{T}"/>, which posts to the thread pool), so reports can be asserted as soon as the call returns.</summary>
public sealed class RecordingProgress<T> : IProgress<T>
{
    private readonly List<T> _reports = [];

    public IReadOnlyList<T> Reports
    {
        get
        {
            lock (_reports)
            {
                return _reports.ToArray();
            }
        }
    }

    public void Report(T value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }
}
