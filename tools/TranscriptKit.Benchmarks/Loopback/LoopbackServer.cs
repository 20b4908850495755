using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Benchmarks.Loopback;

/// <summary>
/// A raw-socket HTTP/1.1 server on 127.0.0.1 for the report benchmarks (no Kestrel, so the server adds as little as
/// possible to what is measured): listens on an ephemeral port, serves each connection on its own task, and on
/// dispose stops accepting and waits for the connections it started.
/// </summary>
internal abstract class LoopbackServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private Task _accepting = Task.CompletedTask;

    protected LoopbackServer()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
    }

    public int Port { get; }

    /// <summary>Cancelled when the server is disposed.</summary>
    protected CancellationToken Stopping => _stop.Token;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>Starts accepting; called at the end of the derived constructor, once its settings are in place.</summary>
    protected void Start() => _accepting = AcceptLoopAsync();

    /// <summary>Serves one connection until the client closes it or <see cref="Stopping"/> is cancelled.</summary>
    protected abstract Task ServeAsync(Socket socket);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            socket.NoDelay = true;
            var task = Task.Run(() => ServeAsync(socket));
            lock (_connections)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(task);
            }
        }
    }
}
