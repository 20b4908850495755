using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit;

/// <summary>
/// Implemented by an adapter whose vendor reports the account's state (credits, quota, running jobs). The CLI's
/// <c>balance</c> and <c>quota</c> commands and advice after a refused payment use it for any registered vendor;
/// <see cref="TranscriberCapabilities.Account"/> says which parts a vendor reports without creating a transcriber.
/// </summary>
public interface ITranscriberAccount
{
    /// <summary>Asks the vendor for the account's state.</summary>
    /// <param name="cancellationToken">Stops the calls.</param>
    /// <returns>What the vendor reports; parts it does not report are <see langword="null"/>.</returns>
    Task<AccountStatus> GetAccountAsync(CancellationToken cancellationToken = default);
}
