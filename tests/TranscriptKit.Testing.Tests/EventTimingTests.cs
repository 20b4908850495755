using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace TranscriptKit.Testing.Tests;

/// <summary>Event streams are recorded with each event's offset and, when asked, replayed at those offsets on a fake clock.</summary>
[CancelAfter(10_000)]
public sealed class EventTimingTests
{
    private const string Events = "event: progress\ndata: {\"p\":10}\n\nevent: progress\ndata: {\"p\":60}\n\nevent: final\ndata: {\"ok\":true}\n\n";
    private static readonly DateTimeOffset s_now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Recording_an_event_stream_keeps_each_event_offset_from_the_response_start()
    {
        var clock = new FakeTimeProvider(s_now);
        // The vendor sends one event per read and lets 250 ms, then 350 ms, pass before the next.
        var vendor = new EventServer(clock, ["event: progress\ndata: {\"p\":10}\n\n", "event: progress\ndata: {\"p\":60}\n\n", "event: final\ndata: {\"ok\":true}\n\n"], [250, 350]);
        using var recorder = new RecordingHandler(vendor, "soscripted", "transcribe-stream", new RecordingOptions { TimeProvider = clock });
        using var http = new HttpClient(recorder);

        var body = await http.GetStringAsync("https://api.example.test/api/public/transcribe");

        Assert.That(body, Is.EqualTo(Events), "the client still gets every byte");
        Assert.That(recorder.Cassette.Interactions[0].Response.EventOffsetsMs, Is.EqualTo(new long[] { 0, 250, 600 }));
        Assert.That(Cassette.Parse(recorder.Cassette.ToJson()).Interactions[0].Response.EventOffsetsMs, Is.EqualTo(new long[] { 0, 250, 600 }), "the offsets survive the file");
    }

    [Test]
    public async Task A_json_response_gets_no_event_offsets()
    {
        var clock = new FakeTimeProvider(s_now);
        var vendor = new EventServer(clock, ["{\"a\":1}\n\n{}"], [], mediaType: "application/json");
        using var recorder = new RecordingHandler(vendor, "x", "y", new RecordingOptions { TimeProvider = clock });
        using var http = new HttpClient(recorder);

        await http.GetStringAsync("https://api.example.test/");

        Assert.That(recorder.Cassette.Interactions[0].Response.EventOffsetsMs, Is.Null);
        Assert.That(recorder.Cassette.ToJson(), Does.Not.Contain("eventOffsetsMs"));
    }

    [Test]
    public async Task Original_timing_delivers_each_event_at_its_recorded_offset_on_the_given_clock()
    {
        var clock = new FakeTimeProvider(s_now);
        using var replayer = new ReplayingHandler(StreamCassette([0, 250, 600]), new ReplayOptions { Timing = ReplayTiming.Original, TimeProvider = clock });
        using var http = new HttpClient(replayer);
        using var response = await http.GetAsync("https://api.example.test/api/public/transcribe", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.That(await ReadEventAsync(reader), Is.EqualTo("event: progress|data: {\"p\":10}"), "offset 0: at once");
        var second = ReadEventAsync(reader);
        clock.Advance(TimeSpan.FromMilliseconds(249));
        Assert.That(second.IsCompleted, Is.False, "not before 250 ms");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(await second, Is.EqualTo("event: progress|data: {\"p\":60}"));
        var third = ReadEventAsync(reader);
        clock.Advance(TimeSpan.FromMilliseconds(349));
        Assert.That(third.IsCompleted, Is.False, "not before 600 ms");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(await third, Is.EqualTo("event: final|data: {\"ok\":true}"));
        Assert.That(await reader.ReadLineAsync(), Is.Null, "the stream ends after the last event");
    }

    [Test]
    public async Task Original_timing_through_a_cassette_handler_waits_on_its_clock()
    {
        var clock = new FakeTimeProvider(s_now);
        var folder = Directory.CreateTempSubdirectory("tk-events-").FullName;
        try
        {
            var path = Path.Combine(folder, "soscripted", "transcribe-stream.json");
            StreamCassette([0, 1000, 1000]).Save(path);
            using var cassette = new CassetteHandler(path, CassetteMode.Replay, new CassetteOptions { Timing = ReplayTiming.Original, TimeProvider = clock });
            using var http = new HttpClient(cassette);
            using var response = await http.GetAsync("https://api.example.test/api/public/transcribe", HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

            await ReadEventAsync(reader);
            var rest = reader.ReadToEndAsync();
            Assert.That(rest.IsCompleted, Is.False);
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.That(await rest, Is.EqualTo("event: progress\ndata: {\"p\":60}\n\nevent: final\ndata: {\"ok\":true}\n\n"), "two events at the same offset arrive together");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task By_default_a_timed_stream_is_replayed_as_fast_as_possible()
    {
        var clock = new FakeTimeProvider(s_now);
        using var replayer = new ReplayingHandler(StreamCassette([0, 60_000, 120_000]), new ReplayOptions { TimeProvider = clock });
        using var http = new HttpClient(replayer);

        var body = await http.GetStringAsync("https://api.example.test/api/public/transcribe");

        Assert.That(body, Is.EqualTo(Events), "no clock was advanced");
    }

    [TestCase("data: a\n\ndata: b\n\n", "data: a\n\n")]
    [TestCase("data: a\r\n\r\ndata: b\r\n\r\n", "data: a\r\n\r\n")]
    [TestCase("data: a\r\rdata: b\r\r", "data: a\r\r")]
    [TestCase("\n\ndata: a\n\ndata: b\n\n", "\n\ndata: a\n\n")]
    public async Task An_event_ends_at_a_blank_line_after_content_whatever_the_line_ending(string body, string firstEvent)
    {
        var clock = new FakeTimeProvider(s_now);
        var cassette = StreamCassette([0, 1000]);
        cassette.Interactions[0].Response.Body = body;
        using var replayer = new ReplayingHandler(cassette, new ReplayOptions { Timing = ReplayTiming.Original, TimeProvider = clock });
        using var http = new HttpClient(replayer);
        using var response = await http.GetAsync("https://api.example.test/api/public/transcribe", HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[256];

        var first = await stream.ReadAsync(buffer);
        var next = stream.ReadAsync(buffer).AsTask();

        Assert.That(Encoding.UTF8.GetString(buffer, 0, first), Is.EqualTo(firstEvent));
        Assert.That(next.IsCompleted, Is.False, "the second event waits for its offset");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await next, Is.EqualTo(body.Length - firstEvent.Length));
    }

    private static async Task<string> ReadEventAsync(StreamReader reader)
    {
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is { Length: > 0 } line)
        {
            lines.Add(line);
        }

        return string.Join("|", lines);
    }

    private static Cassette StreamCassette(long[] offsets)
    {
        var cassette = new Cassette("soscripted", "transcribe-stream");
        var interaction = new CassetteInteraction
        {
            Request = new CassetteRequest { Method = "GET", Path = "/api/public/transcribe" },
            Response = new CassetteResponse { Status = 200, Body = Events, EventOffsetsMs = offsets },
        };
        interaction.Response.Headers["Content-Type"] = "text/event-stream";
        cassette.Interactions.Add(interaction);
        return cassette;
    }

    /// <summary>A vendor that streams one chunk per read and moves the fake clock on between chunks.</summary>
    private sealed class EventServer(FakeTimeProvider clock, string[] chunks, int[] gapsMs, string mediaType = "text/event-stream") : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new ChunkStream(clock, chunks, gapsMs));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    private sealed class ChunkStream(FakeTimeProvider clock, string[] chunks, int[] gapsMs) : Stream
    {
        private int _next;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_next >= chunks.Length)
            {
                return 0;
            }

            if (_next > 0)
            {
                clock.Advance(TimeSpan.FromMilliseconds(gapsMs[_next - 1]));
            }

            var bytes = Encoding.UTF8.GetBytes(chunks[_next++]);
            bytes.CopyTo(buffer, offset);
            return bytes.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
