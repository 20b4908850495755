// <readme:batch>
// <readme:hide>
namespace TranscriptKit.Samples;

/// <summary>The README block "batch", compiled so it cannot rot.</summary>
internal static class BatchSample
{
    public static async Task RunAsync(ITranscriber transcriber, IReadOnlyList<TranscriptionRequest> requests)
    {
// </readme:hide>
await using var ledger = await SqliteTranscriptionLedger.OpenAsync(".transcriptkit/batch.db"); // TranscriptKit.Batch.Sqlite
var results = await transcriber.TranscribeManyAsync(requests, new TranscriptionBatchOptions { Ledger = ledger });
// <readme:hide>
    }
}
// </readme:hide>
// </readme:batch>
