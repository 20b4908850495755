using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Reliability.Tests.ResponseFuzzing.Connections;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 (TcpListener, ephemeral port) that answers from a route table and applies one
/// <see cref="ConnectionFault"/> to the requests a scenario targets. It counts every request per method and path, so a
/// test can prove a job-starting POST went out once. Every response says <c>Connection: close</c>: one exchange per
/// connection, so a fault never leaks into the next attempt.
/// </summary>
public sealed class FaultyServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Func<Request, Answer> _route;
    private readonly Func<Request, bool> _isTarget;
    private readonly ConnectionFault _fault;
    private readonly Random _random;
    private readonly Task _accepting;

    public FaultyServer(Func<Request, Answer> route, Func<Request, bool> isTarget, ConnectionFault fault, int seed)
    {
        _route = route;
        _isTarget = isTarget;
        _fault = fault;
        _random = new Random(seed);
        _listener.Start(64);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptLoopAsync();
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}");

    /// <summary>Requests seen, keyed by <c>METHOD /path</c> (query left out).</summary>
    public ConcurrentDictionary<string, int> Requests { get; } = new();

    /// <summary>How many requests the fault was applied to.</summary>
    public int Faulted => Volatile.Read(ref _faulted);

    private int _faulted;

    public int Count(string method, string pathPrefix)
    {
        var total = 0;
        foreach (var (key, count) in Requests)
        {
            if (key.StartsWith(method + " " + pathPrefix, StringComparison.Ordinal))
            {
                total += count;
            }
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            client.NoDelay = true;
            var task = Task.Run(() => ServeAsync(client));
            lock (_connections)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(task);
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var stop = _stop.Token;
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var request = await ReadHeadAsync(stream, stop);
                if (request is null)
                {
                    return;
                }

                Requests.AddOrUpdate(request.Method + " " + request.Path, 1, (_, n) => n + 1);
                var target = _isTarget(request);
                var fault = target ? _fault : ConnectionFault.None;
                if (target && fault != ConnectionFault.None)
                {
                    Interlocked.Increment(ref _faulted);
                }

                if (fault == ConnectionFault.UploadNeverRead)
                {
                    await Stall(stop);
                    return;
                }

                request.Body = await ReadBodyAsync(stream, request, stop);
                var answer = _route(request);
                await WriteAsync(client, stream, answer, fault, stop);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up on this connection (its timeout fired) or the test ended: both expected here.
        }
    }

    private async Task WriteAsync(TcpClient client, NetworkStream stream, Answer answer, ConnectionFault fault, CancellationToken stop)
    {
        var body = answer.Body;
        var half = body.Length <= 1 ? 0 : 1 + _random.Next(body.Length - 1);
        switch (fault)
        {
            case ConnectionFault.ResetBeforeHeaders:
                Reset(client);
                return;
            case ConnectionFault.CloseBeforeHeaders:
                return;
            case ConnectionFault.ChunkedStalls or ConnectionFault.ChunkedCut:
                await Send(stream, Head(answer, contentLength: null, chunked: true), stop);
                await Send(stream, Chunk(body.AsSpan(0, half)), stop);
                if (fault == ConnectionFault.ChunkedStalls)
                {
                    await Stall(stop);
                }

                return;
        }

        var declared = fault == ConnectionFault.ContentLengthTooLarge ? body.Length + 1 + _random.Next(100) : body.Length;
        await Send(stream, Head(answer, declared, chunked: false), stop);
        switch (fault)
        {
            case ConnectionFault.StallAfterHeaders:
                await Stall(stop);
                return;
            case ConnectionFault.StallMidBody:
                await Send(stream, body.AsMemory(0, half), stop);
                await Stall(stop);
                return;
            case ConnectionFault.CutMidBody:
                await Send(stream, body.AsMemory(0, half), stop);
                return;
            case ConnectionFault.ResetMidBody:
                await Send(stream, body.AsMemory(0, half), stop);
                Reset(client);
                return;
            case ConnectionFault.SlowDrip:
                for (var i = 0; i < body.Length; i++)
                {
                    await Send(stream, body.AsMemory(i, 1), stop);
                    await Task.Delay(20, stop);
                }

                return;
            case ConnectionFault.SseSilent or ConnectionFault.SseKeepAliveOnly:
                var first = FirstEvent(body);
                await Send(stream, body.AsMemory(0, first), stop);
                while (fault == ConnectionFault.SseKeepAliveOnly && !stop.IsCancellationRequested)
                {
                    await Task.Delay(50, stop);
                    await Send(stream, ": keep-alive\n\n"u8.ToArray(), stop);
                }

                await Stall(stop);
                return;
            default:
                await Send(stream, body, stop);
                return;
        }
    }

    private static int FirstEvent(byte[] body)
    {
        var end = body.AsSpan().IndexOf("\n\n"u8);
        return end < 0 ? body.Length : end + 2;
    }

    private static byte[] Head(Answer answer, long? contentLength, bool chunked)
    {
        var head = new StringBuilder()
            .Append("HTTP/1.1 ").Append(answer.Status).Append(' ').Append(answer.Status < 300 ? "OK" : "Error").Append("\r\n")
            .Append("Content-Type: ").Append(answer.ContentType).Append("\r\n")
            .Append("Connection: close\r\n");
        if (chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n");
        }
        else
        {
            head.Append("Content-Length: ").Append(contentLength).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
    }

    private static byte[] Chunk(ReadOnlySpan<byte> data)
    {
        var size = Encoding.ASCII.GetBytes(data.Length.ToString("x") + "\r\n");
        var chunk = new byte[size.Length + data.Length + 2];
        size.CopyTo(chunk, 0);
        data.CopyTo(chunk.AsSpan(size.Length));
        "\r\n"u8.CopyTo(chunk.AsSpan(size.Length + data.Length));
        return chunk;
    }

    private static async Task Send(NetworkStream stream, ReadOnlyMemory<byte> bytes, CancellationToken stop)
    {
        await stream.WriteAsync(bytes, stop);
        await stream.FlushAsync(stop);
    }

    private static Task Stall(CancellationToken stop) => Task.Delay(Timeout.Infinite, stop);

    private static void Reset(TcpClient client)
    {
        client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
    }

    private static async Task<Request?> ReadHeadAsync(NetworkStream stream, CancellationToken stop)
    {
        var head = new List<byte>(1024);
        var one = new byte[1];
        while (head.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, stop) == 0)
            {
                return null;
            }

            head.Add(one[0]);
            if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n");
        var parts = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines[1..])
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var target = parts[1];
        var query = target.IndexOf('?');
        return new Request(parts[0], query < 0 ? target : target[..query], headers);
    }

    private static async Task<byte[]> ReadBodyAsync(NetworkStream stream, Request request, CancellationToken stop)
    {
        var body = new MemoryStream();
        if (request.Headers.TryGetValue("Content-Length", out var length))
        {
            var left = long.Parse(length);
            var buffer = new byte[64 * 1024];
            while (left > 0)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), stop);
                if (read == 0)
                {
                    break;
                }

                body.Write(buffer, 0, read);
                left -= read;
            }
        }
        else if (request.Headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                var size = Convert.ToInt32((await ReadLineAsync(stream, stop)).Split(';')[0], 16);
                var chunk = new byte[size + 2];
                var got = 0;
                while (got < chunk.Length)
                {
                    var read = await stream.ReadAsync(chunk.AsMemory(got), stop);
                    if (read == 0)
                    {
                        return body.ToArray();
                    }

                    got += read;
                }

                if (size == 0)
                {
                    break;
                }

                body.Write(chunk, 0, size);
            }
        }

        return body.ToArray();
    }

    private static async Task<string> ReadLineAsync(NetworkStream stream, CancellationToken stop)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, stop) == 1 && one[0] != '\n')
        {
            if (one[0] != '\r')
            {
                line.Append((char)one[0]);
            }
        }

        return line.ToString();
    }

    /// <summary>One request as the server read it.</summary>
    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Headers)
    {
        public byte[] Body { get; set; } = [];
    }

    /// <summary>A well-formed answer, before the fault is applied.</summary>
    public sealed record Answer(int Status, string ContentType, byte[] Body)
    {
        public static Answer Json(string json, int status = 200) => new(status, "application/json", Encoding.UTF8.GetBytes(json));

        public static Answer Events(string events) => new(200, "text/event-stream", Encoding.UTF8.GetBytes(events));
    }
}
