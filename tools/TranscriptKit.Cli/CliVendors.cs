using System;
using System.Collections.Generic;
using System.Linq;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Cli;

/// <summary>The vendors this run of the CLI knows: <see cref="Transcribers.Registry"/> plus the emulators of vendors a composition root added.</summary>
internal static class CliVendors
{
    private static readonly List<Func<VendorEmulator>> s_extraEmulators = [];

    /// <summary>Registers a composition root's vendors (before any command runs).</summary>
    public static void Add(IEnumerable<CliVendor> vendors)
    {
        foreach (var vendor in vendors)
        {
            ArgumentNullException.ThrowIfNull(vendor);
            if (!Transcribers.Registry.TryGet(vendor.Vendor.Id, out _))
            {
                Transcribers.Register(vendor.Vendor);
            }

            if (vendor.Emulator is { } emulator)
            {
                s_extraEmulators.Add(emulator);
            }
        }
    }

    /// <summary>Fresh emulators for the embedded sandbox (an emulator holds one sandbox's state).</summary>
    public static IEnumerable<VendorEmulator> CreateExtraEmulators() => s_extraEmulators.Select(create => create());

    /// <summary>"a, b or c".</summary>
    public static string IdList(IReadOnlyCollection<string> ids) =>
        ids.Count <= 1 ? string.Join("", ids) : string.Join(", ", ids.Take(ids.Count - 1)) + " or " + ids.Last();

    /// <summary>The display names of the registered vendors that need an API secret, for help text.</summary>
    public static string NeedingSecret()
    {
        var names = Transcribers.Registry.Ids.Select(Transcribers.Registry.Get)
            .Where(v => v.Definition.Credentials.RequiresSecret).Select(v => v.DisplayName).ToList();
        return names.Count == 0 ? "none of the registered vendors" : IdList(names);
    }
}
