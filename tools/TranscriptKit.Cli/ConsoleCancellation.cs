using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace TranscriptKit.Cli;

/// <summary>
/// The first Ctrl+C (SIGINT) or SIGTERM (what `kill`, systemd, Docker and CI runners send) cancels the running command
/// so it can print its job token and exit 130 or 143; a second signal ends the process at once. System.CommandLine's
/// own handler is off: it would exit before the token is printed.
/// </summary>
internal sealed class ConsoleCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _terminate;

    public ConsoleCancellation()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate);
    }

    public CancellationToken Token => _source.Token;

    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <summary>Whether SIGTERM (rather than Ctrl+C) asked to stop.</summary>
    public bool Terminated { get; private set; }

    /// <summary>The exit code of a cancelled command: 130 for Ctrl+C, 143 for SIGTERM, as shells report them.</summary>
    public int Adjust(int exitCode) => exitCode == ExitCodes.Cancelled && Terminated ? ExitCodes.Terminated : exitCode;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate.Dispose();
        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        e.Cancel = true;
        _source.Cancel();
    }

    private void OnTerminate(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        Terminated = true;
        _source.Cancel();
    }
}
