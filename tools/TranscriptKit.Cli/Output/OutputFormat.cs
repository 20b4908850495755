namespace TranscriptKit.Cli.Output;

/// <summary>What <c>--format</c> asks for.</summary>
internal enum OutputFormat
{
    Text,
    Srt,
    Vtt,
    Json,
}
