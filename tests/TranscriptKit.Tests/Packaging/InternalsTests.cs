using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace TranscriptKit.Tests.Packaging;

/// <summary>
/// Packages ship at one version, but NuGet lets a user pair a package with a newer Core: a package that reached into
/// another's internals would break on such a pair. Only test assemblies may see internals.
/// </summary>
public class InternalsTests
{
    private static readonly Assembly[] s_packages =
    [
        typeof(ITranscriber).Assembly,                            // TranscriptKit.Core
        typeof(Transcribers).Assembly,                            // TranscriptKit (the built-in vendors)
        typeof(TranscriptKitServiceCollectionExtensions).Assembly, // TranscriptKit.Extensions.DependencyInjection
        typeof(SpeechToTextClientExtensions).Assembly,             // TranscriptKit.Extensions.AI
        typeof(SqliteTranscriptionLedger).Assembly,                // TranscriptKit.Batch.Sqlite
        typeof(TranscriptKit.Sandbox.VendorSandbox).Assembly,      // TranscriptKit.Sandbox
        // Each built-in vendor package, through the options type its generated definition makes.
        .. Transcribers.Registry.Vendors.Select(v => v.Definition.CreateClientOptions("key-123456789", "secret-123456789").GetType().Assembly),
    ];

    [Test]
    public void No_package_grants_its_internals_to_anything_but_tests()
    {
        var grants = s_packages.Distinct()
            .SelectMany(a => a.GetCustomAttributes<InternalsVisibleToAttribute>().Select(g => $"{a.GetName().Name} -> {g.AssemblyName}"))
            .ToList();

        Assert.That(grants.Where(g => !g.EndsWith(".Tests", System.StringComparison.Ordinal)), Is.Empty);
        Assert.That(grants, Has.Some.EqualTo("TranscriptKit.Core -> TranscriptKit.Core.Tests"), "the attributes are read (a test that sees none proves nothing)");
    }
}
