using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Prism.Tests;

/// <summary>
/// One <c>prism proxy --errors</c> process on 127.0.0.1, fed one of our specs and forwarding to one upstream (a vendor's
/// sandbox endpoint). Its output is kept line by line so a failing test can quote what Prism said.
/// </summary>
internal sealed class PrismProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private PrismProxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where clients send requests; the spec's paths are relative to it, as to the spec's server URL.</summary>
    public Uri Address { get; }

    /// <summary>Everything Prism printed so far (stdout and stderr), oldest first.</summary>
    public IReadOnlyList<string> Output => _output.ToArray();

    /// <summary>
    /// Prism's own verdicts: the lines it logs at error or warning level (a request or answer that breaks the spec, a
    /// route it could not match). Informational lines (received, forwarded) are left out.
    /// </summary>
    public IReadOnlyList<string> Findings => _output.Where(IsFinding).ToArray();

    /// <summary>Starts Prism and returns once its port accepts connections.</summary>
    /// <exception cref="InvalidOperationException">Prism is not installed, exited, or did not listen before <paramref name="startupDeadline"/>; the message quotes its output.</exception>
    public static async Task<PrismProxy> StartAsync(string specPath, Uri upstream, TimeSpan startupDeadline, CancellationToken cancellationToken)
    {
        var cli = PrismPaths.Cli;
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"Prism is not installed ({cli} is missing). Install it once with `npm ci --prefix tests/Prism` (needs Node >= 18.20.1 and npm), then run `dotnet test tests/TranscriptKit.Prism.Tests --filter Category=Prism`.");
        }

        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(PrismPaths.Node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { cli, "proxy", specPath, upstream.ToString(), "--errors", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        // Prism colours its log for a terminal; plain text keeps the quoted findings readable.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"`{PrismPaths.Node}` did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"`{PrismPaths.Node}` could not be started ({e.Message}): Prism needs Node >= 18.20.1 on PATH (or TK_PRISM_NODE).", e);
        }

        var proxy = new PrismProxy(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => proxy.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => proxy.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await proxy.WaitUntilListeningAsync(port, startupDeadline, cancellationToken);
            return proxy;
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills Prism (and any child it forked) and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(exit.Token);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            // A process that ignores SIGKILL for 10 s is the OS's problem; do not hang the test run on it.
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>The last <paramref name="count"/> lines of output, for a failure message.</summary>
    public string Tail(int count = 40) => string.Join(Environment.NewLine, Output.TakeLast(count));

    // By the log level's mark (✖ error or fatal, ⚠ warning), not by words: Prism lists its routes at start-up with
    // lorem-ipsum path parameters, and "error" is one of those words.
    private static bool IsFinding(string line) => line.Contains('✖') || line.Contains('⚠');

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilListeningAsync(int port, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        try
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Prism exited with code {_process.ExitCode} before listening on port {port}:{Environment.NewLine}{Tail()}");
                }

                using var probe = new TcpClient();
                try
                {
                    await probe.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
                    return;
                }
                catch (SocketException)
                {
                    // Not listening yet: poll again shortly (a wait between probes, not a timing assertion).
                    await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"Prism did not listen on port {port} within {deadline.TotalSeconds:0} s:{Environment.NewLine}{Tail()}");
        }
    }

    /// <summary>A port free on 127.0.0.1 just now.</summary>
    // Prism takes a port number, not 0: ask the OS for a free one and hand it over. Another process could take it in
    // between; Prism then exits with EADDRINUSE, which the start-up wait reports with Prism's output.
    internal static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
