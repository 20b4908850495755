using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace TranscriptKit;

/// <summary>
/// Checks a local file before anything is uploaded or paid for: it must be a regular, non-empty, readable file.
/// A FIFO or device is refused before it is opened (opening a FIFO blocks until a writer appears: the old hang).
/// </summary>
internal static class LocalMediaFile
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Fifo = 0x1000;
    private const int Socket = 0xC000;

    /// <summary>Opens the file for reading, as the upload will; tests replace it to simulate a file the user may not read.</summary>
    internal delegate Stream Opener(string fullPath);

    /// <summary>Throws when <paramref name="fullPath"/> cannot be transcribed; <paramref name="shownPath"/> is what the caller typed.</summary>
    /// <exception cref="FileNotFoundException">Nothing is there.</exception>
    /// <exception cref="ArgumentException">A folder, a FIFO, socket or device, or an empty file.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static void Check(string fullPath, string shownPath, Opener open)
    {
        if (Directory.Exists(fullPath))
        {
            throw new ArgumentException($"'{shownPath}' is a folder, not a media file.", "path");
        }

        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The file '{shownPath}' does not exist.", fullPath);
        }

        if (FileType(fullPath) is { } type && type != RegularFile)
        {
            var kind = type switch
            {
                Fifo => "a named pipe (FIFO)",
                Socket => "a socket",
                _ => "a device",
            };
            throw new ArgumentException(
                $"'{shownPath}' is {kind}, not a regular file: its length is unknown and reading it may never end. Save the media to a file first.", "path");
        }

        if (new FileInfo(fullPath).Length == 0)
        {
            throw new ArgumentException($"'{shownPath}' is empty (0 bytes): there is nothing to transcribe, and vendors charge for empty uploads.", "path");
        }

        try
        {
            open(fullPath).Dispose();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException($"'{shownPath}' cannot be read: permission denied.", e);
        }
    }

    public static Stream OpenForRead(string fullPath) =>
        new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);

    /// <summary>The S_IFMT bits of the file (links followed), or <see langword="null"/> where the platform cannot say.</summary>
    private static int? FileType(string fullPath)
    {
        if (!OperatingSystem.IsLinux())
        {
            // Windows has no FIFOs in the file system; elsewhere the open check below still refuses what cannot be read.
            return null;
        }

        var path = Encoding.UTF8.GetBytes(fullPath + "\0");
        var buffer = new byte[256];
        try
        {
            if (statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        return BitConverter.ToUInt16(buffer, StatxModeOffset) & FileTypeMask;
    }

    // statx(2) rather than stat(2): its struct has one layout on every Linux architecture.
    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, byte[] pathname, int flags, uint mask, byte[] statxbuf);
}
