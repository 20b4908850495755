using System;
using System.Collections.Generic;
using System.Linq;

namespace TranscriptKit;

/// <summary>
/// The vendors reachable by id: each a <see cref="TranscriptionVendor"/>, added explicitly (no assembly scanning, so
/// trimming and Native AOT keep working). <c>Transcribers.Registry</c> is the process-wide one, pre-filled with the
/// built-in vendors; dependency injection keeps its own copy. Safe to read while another thread adds.
/// </summary>
public sealed class TranscriberRegistry
{
    private readonly object _gate = new();

    // Replaced, never mutated, so readers need no lock and enumerate a consistent snapshot.
    private IReadOnlyList<TranscriptionVendor> _vendors = [];

    /// <summary>An empty registry.</summary>
    public TranscriberRegistry()
    {
    }

    /// <summary>A registry holding <paramref name="vendors"/>, in order.</summary>
    /// <param name="vendors">The vendors to add.</param>
    /// <exception cref="ArgumentException">Two vendors share an id.</exception>
    public TranscriberRegistry(IEnumerable<TranscriptionVendor> vendors)
    {
        ArgumentNullException.ThrowIfNull(vendors);
        foreach (var vendor in vendors)
        {
            Add(vendor);
        }
    }

    /// <summary>The registered vendors, in the order they were added.</summary>
    public IReadOnlyList<TranscriptionVendor> Vendors => _vendors;

    /// <summary>The registered vendor ids, in the order they were added.</summary>
    public IReadOnlyList<string> Ids => _vendors.Select(v => v.Id).ToList();

    /// <summary>Adds a vendor.</summary>
    /// <param name="vendor">The vendor, usually <c>&lt;Vendor&gt;Transcriber.Registration</c>.</param>
    /// <returns>This registry, to chain calls.</returns>
    /// <exception cref="ArgumentException">A vendor with the same id is already registered (ids are case-insensitive); two vendors behind one id would make every lookup a guess.</exception>
    public TranscriberRegistry Add(TranscriptionVendor vendor)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        lock (_gate)
        {
            if (_vendors.FirstOrDefault(v => v.Id == vendor.Id) is { } existing)
            {
                throw new ArgumentException($"A vendor with the id '{vendor.Id}' is already registered ({existing}); each vendor id can be registered once.", nameof(vendor));
            }

            _vendors = [.. _vendors, vendor];
        }

        return this;
    }

    /// <summary>Whether a vendor with <paramref name="vendorId"/> (case-insensitive) is registered.</summary>
    /// <param name="vendorId">The vendor id.</param>
    /// <param name="vendor">The vendor, when found.</param>
    /// <returns><see langword="true"/> when it is registered.</returns>
    public bool TryGet(string? vendorId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TranscriptionVendor? vendor)
    {
        var id = vendorId?.Trim();
        vendor = _vendors.FirstOrDefault(v => string.Equals(v.Id, id, StringComparison.OrdinalIgnoreCase));
        return vendor is not null;
    }

    /// <summary>The vendor registered as <paramref name="vendorId"/> (case-insensitive).</summary>
    /// <param name="vendorId">The vendor id.</param>
    /// <returns>The vendor.</returns>
    /// <exception cref="ArgumentException">No vendor has that id; the message names the registered ones.</exception>
    public TranscriptionVendor Get(string vendorId)
    {
        ArgumentNullException.ThrowIfNull(vendorId);
        return TryGet(vendorId, out var vendor)
            ? vendor
            : throw new ArgumentException($"Unknown vendor '{vendorId}'. {this}", nameof(vendorId));
    }

    /// <summary>A sentence naming the registered vendor ids, for messages: "Registered vendors: acme, contoso."</summary>
    /// <returns>The sentence, or how to register one when none is.</returns>
    public override string ToString() =>
        _vendors.Count == 0
            ? "No vendors are registered: add one with Transcribers.Register(<Vendor>Transcriber.Registration) or AddTranscriptKit(…).AddVendor(…)."
            : $"Registered vendors: {string.Join(", ", _vendors.Select(v => v.Id))}.";

    /// <summary>
    /// The process-wide registry: the one behind <c>Transcribers.Registry</c>, where the <c>TranscriptKit</c> package adds
    /// the built-in vendors. It lives in Core so that an adapter's messages can name the vendors that would serve a
    /// request it refuses, also in an app that references one vendor package and registers it here itself.
    /// </summary>
    public static TranscriberRegistry Shared { get; } = new();
}
