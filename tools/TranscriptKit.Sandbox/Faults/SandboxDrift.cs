using System;

namespace TranscriptKit.Sandbox;

/// <summary>
/// Ways a real vendor's answers drift from its docs, for <see cref="VendorFaults.DriftNext"/>. The sandbox applies them
/// to the JSON bodies (and event-stream <c>data:</c> lines) the emulator wrote, reading the vendor's facts from its
/// generated definition, so they work for any emulator with one.
/// </summary>
[Flags]
public enum SandboxDrift
{
    /// <summary>No drift.</summary>
    None = 0,

    /// <summary>
    /// A polled job's state field (the field of the spec's running values) says <see cref="VendorFaults.UnknownStatusValue"/>,
    /// and the fields that would say it succeeded do not (a boolean flag turns false, a threshold number drops below it).
    /// </summary>
    UnknownStatus = 1,

    /// <summary>
    /// The vendor's error shape under a 2xx on a poll: the spec's failure value is set on its field (preferring an error shape
    /// on a field the running values do not use, e.g. Caption Cat's <c>"status":"error"</c>) with
    /// <see cref="VendorFaults.DriftMessage"/> in the failure-message field.
    /// </summary>
    ErrorShape = 2,

    /// <summary>Every whole number is written as an integral float (<c>3600</c> → <c>3600.0</c>), as many servers do.</summary>
    IntegralFloats = 4,

    /// <summary>Every object gains a field the spec does not know (<c>x_drift_extra</c>).</summary>
    ExtraFields = 8,

    /// <summary>
    /// Every whole number gains a half (<c>3600</c> → <c>3600.5</c>): what a vendor sends when a field the docs call Number is
    /// fractional. Right for a field the spec types <c>number</c>; for an <c>integer</c> field the client refuses it with a
    /// typed error naming the value, and the drift report lists the type mismatch. Wins over <see cref="IntegralFloats"/>.
    /// </summary>
    FractionalNumbers = 32,

    /// <summary>An <c>"ok": true</c> turns false and gains <c>"error"</c>: <see cref="VendorFaults.DriftMessage"/> (Soscripted's documented failure shape).</summary>
    OkFalse = 16,
}
