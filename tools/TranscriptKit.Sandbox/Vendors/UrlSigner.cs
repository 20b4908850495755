using System;
using System.Security.Cryptography;
using System.Text;

namespace TranscriptKit.Sandbox.Vendors;

/// <summary>Signs the sandbox's own storage URLs with a per-run key, so a tampered or guessed upload URL is refused as S3 would.</summary>
internal sealed class UrlSigner
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Sign(string resource) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(resource)));

    public bool Verify(string resource, string? signature) =>
        signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(resource)), Encoding.ASCII.GetBytes(signature));
}
