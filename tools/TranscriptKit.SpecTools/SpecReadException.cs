using System;
using System.Collections.Generic;

namespace TranscriptKit.SpecTools;

/// <summary>A spec the generator itself would refuse: the errors it would report, so a diff never compares half a spec.</summary>
public sealed class SpecReadException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with the generator's error messages.</summary>
    /// <param name="path">The spec's path, or a label such as <c>HEAD:specs/x.yaml</c>.</param>
    /// <param name="errors">The generator's errors, one line each (<c>TK0001 (3:5): …</c>).</param>
    public SpecReadException(string path, IReadOnlyList<string> errors)
        : base($"{path} is not a spec the generator accepts:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
    {
        Path = path;
        Errors = errors;
    }

    /// <summary>The spec's path or label.</summary>
    public string Path { get; }

    /// <summary>The generator's errors.</summary>
    public IReadOnlyList<string> Errors { get; }
}
