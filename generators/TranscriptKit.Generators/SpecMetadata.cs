namespace TranscriptKit.Generators;

/// <summary>
/// The AdditionalFiles metadata the generator reads, as the compiler exposes it. build/TranscriptKit.Generators.targets
/// sets these from a <c>&lt;TranscriptKitSpec&gt;</c> item and makes them compiler-visible; the names must match there.
/// </summary>
internal static class SpecMetadata
{
    /// <summary>"true" on files declared as specs; any other AdditionalFiles item is left alone.</summary>
    public const string Declared = "build_metadata.AdditionalFiles.TranscriptKitSpec";

    /// <summary>The namespace of the generated client; the project's RootNamespace when absent.</summary>
    public const string Namespace = "build_metadata.AdditionalFiles.TranscriptKitNamespace";
}
