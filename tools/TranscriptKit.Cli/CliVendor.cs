using System;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Cli;

/// <summary>A vendor a composition root adds to the <c>transcriptkit</c> command: its registration and, optionally, its sandbox emulator.</summary>
/// <param name="Vendor">The vendor's registration, e.g. <c>AcmeTranscriber.Registration</c>.</param>
/// <param name="Emulator">Makes the vendor's emulator for the embedded sandbox (used when no key and no endpoint are given); <see langword="null"/> when it has none.</param>
public sealed record CliVendor(TranscriptionVendor Vendor, Func<VendorEmulator>? Emulator = null);
