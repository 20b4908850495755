using System;
using System.Collections.Concurrent;
using System.Linq;

namespace TranscriptKit.Sandbox;

/// <summary>Per-vendor fault switches for the next requests: failures, delays, malformed or stalled or cut bodies, hung uploads, silent event streams. Thread-safe.</summary>
public sealed class SandboxFaults
{
    private readonly ConcurrentDictionary<string, VendorFaults> _vendors = new(StringComparer.OrdinalIgnoreCase);

    internal SandboxFaults()
    {
        foreach (var id in VendorSandbox.VendorIds)
        {
            _vendors[id] = new VendorFaults(id);
        }
    }

    /// <summary>The fault switches of one vendor.</summary>
    /// <param name="vendorId">One of <see cref="VendorSandbox.VendorIds"/>.</param>
    /// <exception cref="ArgumentException">The id is not a vendor's.</exception>
    public VendorFaults For(string vendorId)
    {
        ArgumentNullException.ThrowIfNull(vendorId);
        return _vendors.TryGetValue(vendorId, out var faults)
            ? faults
            : throw new ArgumentException($"Unknown vendor '{vendorId}'. Known: {string.Join(", ", VendorSandbox.VendorIds)}.", nameof(vendorId));
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
