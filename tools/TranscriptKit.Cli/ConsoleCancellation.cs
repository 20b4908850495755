using System;
using System.Threading;

namespace TranscriptKit.Cli;

/// <summary>
/// The first Ctrl+C (SIGINT) cancels the running command so it can print its job token and exit 130; a second one
/// ends the process at once. System.CommandLine's own handler is off: it would exit before the token is printed.
/// </summary>
internal sealed class ConsoleCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public ConsoleCancellation() => Console.CancelKeyPress += OnCancelKeyPress;

    public CancellationToken Token => _source.Token;

    public bool IsCancellationRequested => _source.IsCancellationRequested;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
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
}
