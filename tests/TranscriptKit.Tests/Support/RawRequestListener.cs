using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Tests.Support;

/// <summary>
/// A raw TCP server on 127.0.0.1 that records every byte clients send and answers each connection's first request
/// with 401 and <c>Connection: close</c>, then reads on until the client hangs up — so bytes smuggled after the first
/// request (a key holding <c>\r\n\r\nGET /smuggled</c>) are captured, not lost. Shared with the CLI tests.
/// </summary>
internal sealed partial class RawRequestListener : IAsyncDisposable
{
    private static readonly byte[] s_response = Encoding.ASCII.GetBytes("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Task<string>> _connections = new();
    private readonly Task _accepting;

    public RawRequestListener()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The base URL, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Every request line received on every connection so far, after those connections closed.</summary>
    public async Task<IReadOnlyList<string>> RequestLinesAsync()
    {
        var texts = await Task.WhenAll(_connections.ToArray());
        return texts.SelectMany(t => RequestLine().Matches(t).Select(m => m.Value.TrimEnd('\r'))).ToList();
    }

    /// <summary>Everything received, as ASCII.</summary>
    public async Task<string> ReceivedAsync() => string.Concat(await Task.WhenAll(_connections.ToArray()));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);

            // Queued before it reads a byte: served inline, a connection could answer its client before it was queued,
            // and a test that asked for the request lines right after its answer found none.
            var serving = new Task<Task<string>>(() => ServeAsync(client));
            _connections.Enqueue(serving.Unwrap());
            serving.Start(TaskScheduler.Default);
        }
    }

    private async Task<string> ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var received = new StringBuilder();
            var buffer = new byte[8192];
            var answered = false;
            while (true)
            {
                int read;
                try
                {
                    read = await stream.ReadAsync(buffer, _stop.Token);
                }
                catch (Exception e) when (e is System.IO.IOException or OperationCanceledException)
                {
                    break;
                }

                if (read == 0)
                {
                    break;
                }

                received.Append(Encoding.Latin1.GetString(buffer, 0, read));
                if (!answered && received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    answered = true;
                    await stream.WriteAsync(s_response, _stop.Token);
                    // Half-close: the client sees the end and hangs up, so the read below ends without a timer.
                    client.Client.Shutdown(SocketShutdown.Send);
                }
            }

            return received.ToString();
        }
    }

    [GeneratedRegex(@"(?m)^[A-Z]+ \S+ HTTP/1\.[01]\r?$")]
    private static partial Regex RequestLine();
}
