using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit;

/// <summary>
/// Implemented by an adapter whose vendor publishes how many more jobs it will take now and says so when it is full
/// (TranscriptGenerate's 601): the batch helper then waits for a free slot instead of submitting into a refusal.
/// </summary>
public interface IConcurrencyLimitSource
{
    /// <summary>How many more jobs the vendor takes now, or <see langword="null"/> when it does not say.</summary>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The free slots.</returns>
    Task<int?> GetAvailableConcurrencyAsync(CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="exception"/> is the vendor saying it is full (try later), not a failure of the job.</summary>
    /// <param name="exception">A vendor error from a submit.</param>
    /// <returns><see langword="true"/> when the vendor was busy.</returns>
    bool IsBusy(TranscriptKitException exception);
}
