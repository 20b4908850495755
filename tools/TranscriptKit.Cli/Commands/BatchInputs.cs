using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TranscriptKit.Cli.Commands;

/// <summary>Turns <c>batch</c>'s arguments (folders, list files, files, URLs) into requests with stable keys and output names.</summary>
internal static class BatchInputs
{
    /// <summary>One input: its ledger key (full path or URL), its request and its output file's base name.</summary>
    public sealed record Input(string Key, TranscriptionRequest Request, string OutputName);

    public static IReadOnlyList<Input> Read(IEnumerable<string> arguments)
    {
        var sources = new List<string>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                // Only audio and video: a folder of media also holds sidecar SRTs, notes and scripts, each of which a
                // vendor would otherwise be paid to "transcribe". Sorted, so the same folder gives the same items (and
                // output names) on every run.
                sources.AddRange(Directory.EnumerateFiles(argument).Where(IsMedia).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(argument) && Path.GetExtension(argument).ToLowerInvariant() is ".txt" or ".list")
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(argument))!;
                sources.AddRange(File.ReadAllLines(argument)
                    .Select(l => l.Trim())
                    .Where(l => l.Length > 0 && !l.StartsWith('#'))
                    .Select(l => IsUrl(l) || Path.IsPathRooted(l) ? l : Path.Combine(folder, l)));
            }
            else
            {
                sources.Add(argument);
            }
        }

        if (sources.Count == 0)
        {
            throw new UsageException("Nothing to transcribe: give a folder with audio or video files, a list file (.txt, one file or URL a line) or files and URLs.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var inputs = new List<Input>();
        foreach (var source in sources.Distinct(StringComparer.Ordinal))
        {
            var (key, request, stem) = IsUrl(source)
                ? (source, TranscriptionRequest.FromUrl(source), UrlStem(new Uri(source)))
                : (Path.GetFullPath(source), OpenFile(source), Path.GetFileNameWithoutExtension(source));
            var name = stem;
            for (var n = 2; !names.Add(name); n++)
            {
                name = $"{stem}-{n}";
            }

            inputs.Add(new Input(key, request, name));
        }

        return inputs;
    }

    private static bool IsMedia(string path) =>
        !Path.GetFileName(path).StartsWith('.')
        && UploadFile.GuessContentType(path) is var type && (type.StartsWith("audio/", StringComparison.Ordinal) || type.StartsWith("video/", StringComparison.Ordinal));

    private static bool IsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static string UrlStem(Uri url)
    {
        var last = Path.GetFileNameWithoutExtension(url.Segments[^1].Trim('/'));
        var stem = new string((last.Length > 0 ? last : url.Host).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        return stem.Length > 0 ? stem : "item";
    }

    private static TranscriptionRequest OpenFile(string path)
    {
        try
        {
            return TranscriptionRequest.FromFile(path);
        }
        catch (FileNotFoundException)
        {
            throw new UsageException($"No such file: {path}");
        }
        catch (Exception e) when (e is ArgumentException or UnauthorizedAccessException or IOException)
        {
            throw new UsageException($"Cannot read '{path}': {e.Message}", e);
        }
    }
}
