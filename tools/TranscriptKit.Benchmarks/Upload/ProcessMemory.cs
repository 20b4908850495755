using System;
using System.Globalization;
using System.IO;

namespace TranscriptKit.Benchmarks.Upload;

/// <summary>Reads this process's resident-set figures from <c>/proc/self/status</c> (Linux).</summary>
internal static class ProcessMemory
{
    /// <summary>Peak resident set size (VmHWM) in bytes, or -1 where /proc is missing.</summary>
    public static long PeakRss() => Read("VmHWM:");

    /// <summary>Current resident set size (VmRSS) in bytes, or -1 where /proc is missing.</summary>
    public static long CurrentRss() => Read("VmRSS:");

    private static long Read(string field)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return -1;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                // "VmHWM:     123456 kB"
                var value = line.AsSpan(field.Length).Trim();
                var space = value.IndexOf(' ');
                var kib = long.Parse(space < 0 ? value : value[..space], NumberStyles.Integer, CultureInfo.InvariantCulture);
                return kib * 1024;
            }
        }

        return -1;
    }
}
