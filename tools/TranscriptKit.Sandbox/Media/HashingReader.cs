using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Sandbox.Media;

/// <summary>What the sandbox keeps of an upload: never the bytes, only their hash, size and first bytes.</summary>
internal sealed record ReceivedMedia(string Sha256, long Length, byte[] Header);

/// <summary>Reads an upload to the end with constant memory, so multi-gigabyte test uploads are fine.</summary>
internal static class HashingReader
{
    public static async Task<ReceivedMedia> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var header = new byte[MagicBytes.HeaderLength];
        var headerLength = 0;
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (headerLength < header.Length)
            {
                var take = Math.Min(read, header.Length - headerLength);
                Array.Copy(buffer, 0, header, headerLength, take);
                headerLength += take;
            }

            hash.AppendData(buffer, 0, read);
            total += read;
        }

        return new ReceivedMedia(Convert.ToHexString(hash.GetHashAndReset()), total, header[..headerLength]);
    }
}
