using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

using TranscriptKit.Benchmarks.Loopback;

namespace TranscriptKit.Benchmarks.Streaming;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that answers every POST with a Soscripted-shaped event stream (chunked,
/// one chunk per event, Nagle off): <see cref="EventsPerStream"/> <c>progress</c> events <see cref="Delay"/> apart,
/// then <c>final</c> and <c>done</c>. Each progress event's <c>stage</c> is <c>t</c> + the
/// <see cref="Stopwatch.GetTimestamp"/> read just before the event goes to the socket, and <c>pct</c> its index:
/// the reader, in the same process, subtracts it from the moment the event reaches it.
/// </summary>
internal sealed class SseLoopbackServer : LoopbackServer
{
    private const string FinalData = """{"ok":true,"caption":{"text":"Never gonna give you up.","segments":[{"start":0.0,"end":2.5,"text":"Never gonna give you up."}]}}""";

    public SseLoopbackServer(int eventsPerStream, TimeSpan delay)
    {
        EventsPerStream = eventsPerStream;
        Delay = delay;
        Start();
    }

    public int EventsPerStream { get; }

    public TimeSpan Delay { get; }

    protected override async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        var buffer = new byte[16 * 1024];
        var filled = 0;
        try
        {
            while (true)
            {
                // Request head, then its Content-Length body (a small JSON request), then the stream.
                int headEnd;
                while ((headEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, Stopping).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
                var contentLength = 0;
                foreach (var line in head.Split("\r\n"))
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        contentLength = int.Parse(line.AsSpan("Content-Length:".Length).Trim(), CultureInfo.InvariantCulture);
                    }
                }

                var requestEnd = headEnd + 4 + contentLength;
                while (filled < requestEnd)
                {
                    var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, Stopping).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                Buffer.BlockCopy(buffer, requestEnd, buffer, 0, filled - requestEnd);
                filled -= requestEnd;

                await SendAsync(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray()).ConfigureAwait(false);
                for (var i = 0; i < EventsPerStream; i++)
                {
                    await Task.Delay(Delay, Stopping).ConfigureAwait(false);
                    var stamp = Stopwatch.GetTimestamp();
                    await SendAsync(socket, Chunk(string.Create(CultureInfo.InvariantCulture, $"event: progress\ndata: {{\"stage\":\"t{stamp}\",\"pct\":{i}}}\n\n"))).ConfigureAwait(false);
                }

                await Task.Delay(Delay, Stopping).ConfigureAwait(false);
                await SendAsync(socket, Chunk($"event: final\ndata: {FinalData}\n\n")).ConfigureAwait(false);
                await SendAsync(socket, Chunk("event: done\ndata: {\"ok\":true}\n\n")).ConfigureAwait(false);
                await SendAsync(socket, "0\r\n\r\n"u8.ToArray()).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static byte[] Chunk(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var prefix = Encoding.ASCII.GetBytes(payload.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
        var chunk = new byte[prefix.Length + payload.Length + 2];
        prefix.CopyTo(chunk, 0);
        payload.CopyTo(chunk, prefix.Length);
        chunk[^2] = (byte)'\r';
        chunk[^1] = (byte)'\n';
        return chunk;
    }

    private async Task SendAsync(Socket socket, byte[] bytes)
    {
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, Stopping).ConfigureAwait(false);
        }
    }
}
