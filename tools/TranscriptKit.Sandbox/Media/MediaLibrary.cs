using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace TranscriptKit.Sandbox.Media;

/// <summary>A sample medium with its SRT sidecar.</summary>
internal sealed record MediaEntry(string FileName, string FullPath, string Sha256, SandboxTranscript Transcript);

/// <summary>
/// The sample media of <see cref="SandboxOptions.MediaDirectories"/> that have an SRT sidecar, indexed by the SHA-256
/// of their bytes (uploads) and by file name (URL jobs). Built once at start.
/// </summary>
internal sealed class MediaLibrary
{
    private readonly Dictionary<string, MediaEntry> _byHash = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MediaEntry> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly double _simulatedDuration;

    public MediaLibrary(IEnumerable<string> directories, double simulatedDuration)
    {
        _simulatedDuration = simulatedDuration;
        foreach (var directory in directories.Where(Directory.Exists))
        {
            foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
            {
                if (string.Equals(Path.GetExtension(path), ".srt", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var sidecar = Path.ChangeExtension(path, ".srt");
                if (!File.Exists(sidecar))
                {
                    continue;
                }

                var segments = SandboxTranscript.ParseSrt(File.ReadAllText(sidecar));
                var name = Path.GetFileName(path);
                var entry = new MediaEntry(name, Path.GetFullPath(path), HashFile(path), new SandboxTranscript(segments, simulated: false, name));
                _byHash.TryAdd(entry.Sha256, entry);
                _byName.TryAdd(name, entry); // First directory wins, like a search path.
            }
        }
    }

    public IReadOnlyCollection<MediaEntry> Entries => _byName.Values;

    public MediaEntry? FindByName(string fileName) => _byName.GetValueOrDefault(fileName);

    public MediaEntry? FindByHash(string sha256) => _byHash.GetValueOrDefault(sha256);

    /// <summary>Matches a URL by its last path segment (query and fragment ignored), e.g. <c>https://x/y/hello.mp4?sig=1</c> → <c>hello.mp4</c>.</summary>
    public MediaEntry? FindByUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var last = uri.Segments.LastOrDefault()?.TrimEnd('/');
        return string.IsNullOrEmpty(last) ? null : FindByName(Uri.UnescapeDataString(last));
    }

    public SandboxTranscript TranscriptForHash(string sha256) => FindByHash(sha256)?.Transcript ?? Simulated();

    public SandboxTranscript TranscriptForUrl(string? url) => FindByUrl(url)?.Transcript ?? Simulated();

    public SandboxTranscript Simulated() => SandboxTranscript.Simulated(_simulatedDuration);

    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
