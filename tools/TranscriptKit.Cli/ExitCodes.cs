namespace TranscriptKit.Cli;

/// <summary>The process exit codes, documented in README.md; scripts switch on them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something nobody planned for; the message says to run with --verbose.</summary>
    public const int Unexpected = 1;

    /// <summary>Bad arguments: unknown vendor or option, missing file, damaged job token, missing key.</summary>
    public const int Usage = 2;

    /// <summary>The vendor refused or failed the request, or cannot take this input (nothing sent).</summary>
    public const int VendorError = 3;

    /// <summary>The wait ran past --timeout (or the vendor's own); the job token is printed to resume.</summary>
    public const int Timeout = 4;

    /// <summary><c>spec diff</c> found a change that breaks the generated C# or the wire; CI gates on it.</summary>
    public const int BreakingChanges = 5;

    /// <summary>The person at the terminal said no to the estimate's question; nothing was sent.</summary>
    public const int Declined = 6;

    /// <summary>Ctrl+C, as shells report SIGINT (128 + 2).</summary>
    public const int Cancelled = 130;

    /// <summary>SIGTERM, as shells report it (128 + 15); handled like Ctrl+C, so the job token is printed first.</summary>
    public const int Terminated = 143;
}
