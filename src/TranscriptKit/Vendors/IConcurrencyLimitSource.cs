using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit;

/// <summary>A vendor that publishes how many more jobs it will take now, and says so when it is full (TranscriptGenerate's 601).</summary>
internal interface IConcurrencyLimitSource
{
    Task<int?> GetAvailableConcurrencyAsync(CancellationToken cancellationToken);

    bool IsBusy(TranscriptKitException exception);
}
