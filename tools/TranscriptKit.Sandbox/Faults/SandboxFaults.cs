using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace TranscriptKit.Sandbox;

/// <summary>Per-vendor fault switches for the next requests: failures, delays, malformed or stalled or cut bodies, hung uploads, silent event streams. Thread-safe.</summary>
public sealed class SandboxFaults
{
    private readonly ConcurrentDictionary<string, VendorFaults> _vendors = new(StringComparer.OrdinalIgnoreCase);

    private readonly string[] _ids;

    internal SandboxFaults(IEnumerable<string> vendorIds)
    {
        _ids = vendorIds.ToArray();
        foreach (var id in _ids)
        {
            _vendors[id] = new VendorFaults(id);
        }
    }

    /// <summary>The fault switches of one vendor.</summary>
    /// <param name="vendorId">One of the sandbox's <see cref="VendorSandbox.VendorIds"/>, case-insensitive.</param>
    /// <returns>The vendor's switches.</returns>
    /// <exception cref="ArgumentException">No emulator of this sandbox has the id; the message lists the ones it has.</exception>
    public VendorFaults For(string vendorId)
    {
        ArgumentNullException.ThrowIfNull(vendorId);
        return _vendors.TryGetValue(vendorId, out var faults)
            ? faults
            : throw new ArgumentException($"Unknown vendor '{vendorId}'. This sandbox emulates: {string.Join(", ", _ids)}.", nameof(vendorId));
    }

    /// <summary>Clears every vendor's pending faults.</summary>
    public void Reset()
    {
        foreach (var faults in _vendors.Values.ToArray())
        {
            faults.Reset();
        }
    }
}
