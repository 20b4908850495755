namespace TranscriptKit;

/// <summary>Creates the <see cref="ITranscriber"/> for a configured vendor; registered by <c>AddTranscriptKit</c>.</summary>
public interface ITranscriberFactory
{
    /// <summary>Creates the transcriber for <paramref name="vendorId"/> (a registered <see cref="VendorDefinition.Id"/>, case-insensitive).</summary>
    /// <exception cref="System.ArgumentException">The id is unknown.</exception>
    /// <exception cref="System.InvalidOperationException">The vendor has no credentials configured.</exception>
    ITranscriber Create(string vendorId);
}
