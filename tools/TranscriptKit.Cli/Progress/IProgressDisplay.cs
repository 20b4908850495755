using System;
using System.Threading.Tasks;

namespace TranscriptKit.Cli.Progress;

/// <summary>Shows one step of a transcription (upload, wait) on stderr while it runs.</summary>
internal interface IProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, showing what it reports under <paramref name="title"/>.</summary>
    Task<T> RunAsync<T>(string title, Func<IProgress<TranscriptionProgress>, Task<T>> work);
}
