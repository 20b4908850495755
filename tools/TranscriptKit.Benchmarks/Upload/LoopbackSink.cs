using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

using TranscriptKit.Benchmarks.Loopback;

namespace TranscriptKit.Benchmarks.Upload;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that reads every request body and throws it away, counting bytes
/// (Content-Length or chunked). It answers as the specs expect: Caption Cat's <c>POST /v1/upload</c> with an
/// <c>UploadResult</c>, Subclip's <c>POST /v1/social-transcripts/uploads</c> with a signed URL that points back
/// here, and any other PUT/POST with an empty 200. Runs in the parent process so its memory is not the uploader's.
/// </summary>
internal sealed class LoopbackSink : LoopbackServer
{
    private const int BufferSize = 256 * 1024;
    private long _maxBody;
    private long _requests;

    public LoopbackSink()
    {
        Start();
    }

    /// <summary>The largest request body received since the last <see cref="Reset"/>.</summary>
    public long MaxBodyBytes => Interlocked.Read(ref _maxBody);

    public long Requests => Interlocked.Read(ref _requests);

    public void Reset()
    {
        Interlocked.Exchange(ref _maxBody, 0);
        Interlocked.Exchange(ref _requests, 0);
    }

    protected override async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        var connection = new Connection(socket, Stopping);
        try
        {
            while (true)
            {
                var requestLine = await connection.ReadLineAsync().ConfigureAwait(false);
                if (requestLine is null)
                {
                    return;
                }

                if (requestLine.Length == 0)
                {
                    continue;
                }

                var parts = requestLine.Split(' ');
                var method = parts[0];
                var path = parts.Length > 1 ? parts[1] : "/";
                long? contentLength = null;
                var chunked = false;
                var expectContinue = false;
                string? line;
                while (!string.IsNullOrEmpty(line = await connection.ReadLineAsync().ConfigureAwait(false)))
                {
                    var colon = line.IndexOf(':');
                    if (colon <= 0)
                    {
                        continue;
                    }

                    var name = line.AsSpan(0, colon).Trim();
                    var value = line.AsSpan(colon + 1).Trim();
                    if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        contentLength = long.Parse(value, CultureInfo.InvariantCulture);
                    }
                    else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                    {
                        chunked = true;
                    }
                    else if (name.Equals("Expect", StringComparison.OrdinalIgnoreCase) && value.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
                    {
                        expectContinue = true;
                    }
                }

                if (line is null)
                {
                    return;
                }

                if (expectContinue)
                {
                    await connection.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray()).ConfigureAwait(false);
                }

                long body = 0;
                if (chunked)
                {
                    while (true)
                    {
                        var sizeLine = await connection.ReadLineAsync().ConfigureAwait(false) ?? throw new InvalidOperationException("Connection closed inside a chunked body.");
                        var semicolon = sizeLine.IndexOf(';');
                        var size = long.Parse(semicolon < 0 ? sizeLine : sizeLine[..semicolon], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        if (size == 0)
                        {
                            while (!string.IsNullOrEmpty(await connection.ReadLineAsync().ConfigureAwait(false)))
                            {
                            }

                            break;
                        }

                        await connection.DiscardAsync(size).ConfigureAwait(false);
                        body += size;
                        await connection.ReadLineAsync().ConfigureAwait(false);
                    }
                }
                else if (contentLength is > 0)
                {
                    await connection.DiscardAsync(contentLength.Value).ConfigureAwait(false);
                    body = contentLength.Value;
                }

                Interlocked.Increment(ref _requests);
                long seen;
                while (body > (seen = Interlocked.Read(ref _maxBody)) && Interlocked.CompareExchange(ref _maxBody, body, seen) != seen)
                {
                }

                var (status, json) = Answer(method, path);
                var payload = Encoding.UTF8.GetBytes(json);
                var head = Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\n\r\n");
                var response = new byte[head.Length + payload.Length];
                head.CopyTo(response, 0);
                payload.CopyTo(response, head.Length);
                await connection.WriteAsync(response).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private (string Status, string Json) Answer(string method, string path)
    {
        if (method == "POST" && path.StartsWith("/v1/upload", StringComparison.Ordinal))
        {
            return ("200 OK", """{"status":"success","id":"vid_bench"}""");
        }

        if (method == "POST" && path.StartsWith("/v1/social-transcripts/uploads", StringComparison.Ordinal))
        {
            return ("200 OK", $$"""{"uploadUrl":"http://127.0.0.1:{{Port}}/storage/src_bench?sig=x","method":"PUT","sourceObjectKey":"src_bench","expiresIn":900}""");
        }

        return method is "PUT" or "POST" ? ("200 OK", "{}") : ("404 Not Found", """{"error":"not found"}""");
    }

    /// <summary>Buffered reads over one socket: lines for the head, discarded bytes for the body.</summary>
    private sealed class Connection(Socket socket, CancellationToken cancellationToken)
    {
        private readonly byte[] _buffer = new byte[BufferSize];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync()
        {
            while (true)
            {
                var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    var length = newline > 0 && _buffer[_start + newline - 1] == '\r' ? newline - 1 : newline;
                    var line = Encoding.ASCII.GetString(_buffer, _start, length);
                    _start += newline + 1;
                    return line;
                }

                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }

                if (_end == _buffer.Length)
                {
                    throw new InvalidOperationException("Header line too long.");
                }

                var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return null;
                }

                _end += read;
            }
        }

        public async Task DiscardAsync(long count)
        {
            var buffered = Math.Min(count, _end - _start);
            _start += (int)buffered;
            count -= buffered;
            while (count > 0)
            {
                var read = await socket.ReceiveAsync(_buffer.AsMemory(0, (int)Math.Min(_buffer.Length, count)), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new InvalidOperationException("Connection closed inside a body.");
                }

                count -= read;
            }

            if (_start == _end)
            {
                _start = _end = 0;
            }
        }

        public async Task WriteAsync(byte[] bytes)
        {
            var sent = 0;
            while (sent < bytes.Length)
            {
                sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
