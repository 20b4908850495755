using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TranscriptKit.Tests;

namespace TranscriptKit.Soscripted.Tests;

/// <summary>TranscribeStreamAsync (x-tk-sse): the request it sends, how the docs' events are read, and how a stream fails.</summary>
[TestFixture]
public sealed class SoscriptedStreamingTests
{
    [Test]
    public async Task Stream_sends_bearer_POST_with_Accept_text_event_stream_and_the_doc_body()
    {
        var handler = new StubHandler().Respond(_ => Responses.EventStream(SoscriptedDocExamples.SseRealisticStream));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        await Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest));

        var request = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.Uri.AbsoluteUri, Is.EqualTo("https://soscripted.com/api/public/transcribe"));
            Assert.That(request.Header("Accept"), Is.EqualTo("text/event-stream"), "only the event stream is asked for");
            Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer " + TestClients.ApiKey));
            Assert.That(request.ContentType, Does.StartWith("application/json"));
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(request.BodyText), JsonNode.Parse(SoscriptedDocExamples.TranscribeRequest)), Is.True, $"sent {request.BodyText}");
        });
    }

    [Test]
    public async Task Doc_sse_example_progress_events_are_read_verbatim_into_typed_events()
    {
        var handler = new StubHandler().Respond(_ => Responses.EventStream(SoscriptedDocExamples.SseEvents));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var events = new List<TranscribeStreamEvent>();
        await foreach (var item in client.TranscribeStreamAsync(TestClients.DocRequest))
        {
            events.Add(item);
            if (events.Count == 2)
            {
                break; // the third (final) event of the docs is not valid JSON: see the next test
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(events[0], Is.EqualTo(new TranscribeStreamEvent { EventType = "progress", Progress = new ProgressEvent { Stage = "downloading", Pct = 10 } }));
            Assert.That(events[1], Is.EqualTo(new TranscribeStreamEvent { EventType = "progress", Progress = new ProgressEvent { Stage = "transcribing", Pct = 50 } }));
        });
    }

    [Test]
    public async Task Doc_sse_example_final_event_with_elided_segments_surfaces_as_a_Response_exception()
    {
        // The docs write "segments":[...] as an elision; sent literally it is not JSON. The caller must get a typed
        // TranscriptKit error (after the two progress events it could read), never a raw JsonException.
        var handler = new StubHandler().Respond(_ => Responses.EventStream(SoscriptedDocExamples.SseEvents));
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        var events = new List<TranscribeStreamEvent>();

        Exception? error = null;
        try
        {
            await foreach (var item in client.TranscribeStreamAsync(TestClients.DocRequest))
            {
                events.Add(item);
            }
        }
        catch (Exception ex)
        {
            error = ex;
        }

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.EventType), Is.EqualTo(new[] { "progress", "progress" }), "the events before the bad one were delivered");
            Assert.That(error, Is.InstanceOf<TranscriptKitResponseException>(), $"got {error?.GetType().FullName}: {error?.Message}");
            Assert.That((error as TranscriptKitException)?.Vendor, Is.EqualTo("soscripted"));
            Assert.That(error?.Message, Does.Contain("final"), "the message names the event that could not be read");
            Assert.That(error?.InnerException, Is.InstanceOf<JsonException>());
        });
    }

    [Test]
    public void Progress_event_missing_a_required_field_surfaces_as_a_Response_exception()
    {
        var handler = new StubHandler().Respond(_ => Responses.EventStream("event: progress\ndata: {\"stage\":\"downloading\"}\n\n" + SoscriptedDocExamples.SseDone));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.CatchAsync<Exception>(() => Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest)));

        Assert.That(error, Is.InstanceOf<TranscriptKitResponseException>(), $"got {error?.GetType().FullName}: {error?.Message}");
    }

    [Test]
    public async Task Realistic_stream_is_read_into_progress_final_and_done_with_the_segments()
    {
        var handler = new StubHandler().Respond(_ => Responses.EventStream(SoscriptedDocExamples.SseRealisticStream));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var events = await Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest));

        Assert.That(events.Select(e => e.EventType), Is.EqualTo(new[] { "progress", "progress", "final", "done" }));
        var final = events[2].Final!;
        Assert.Multiple(() =>
        {
            Assert.That(events[0].Progress, Is.EqualTo(new ProgressEvent { Stage = "downloading", Pct = 10 }));
            Assert.That(events[1].Progress, Is.EqualTo(new ProgressEvent { Stage = "transcribing", Pct = 50 }));
            Assert.That(events[0].Final, Is.Null);
            Assert.That(events[0].Done, Is.Null);
            Assert.That(events[2].Progress, Is.Null);
            Assert.That(events[2].Done, Is.Null);
            Assert.That(final.Ok, Is.True);
            Assert.That(final.Caption!.Text, Is.EqualTo("Full transcript text here..."));
            Assert.That(final.Caption!.Segments, Is.EqualTo(new[]
            {
                new CaptionSegment { Start = 0.0, End = 2.5, Text = "Hello world" },
                new CaptionSegment { Start = 2.5, End = 5.0, Text = "This is a transcript" },
            }));
            Assert.That(events[3].Done, Is.EqualTo(new DoneEvent { Ok = true }));
            Assert.That(events[3].Progress, Is.Null);
            Assert.That(events[3].Final, Is.Null);
        });
    }

    [Test]
    public async Task Final_event_caption_equals_what_the_blocking_mode_returns_for_the_same_transcript()
    {
        var streamHandler = new StubHandler().Respond(_ => Responses.EventStream(SoscriptedDocExamples.SseRealisticStream));
        var jsonHandler = new StubHandler().Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse);
        using var streamClient = TestClients.Create(streamHandler, new FakeTimeProvider());
        using var jsonClient = TestClients.Create(jsonHandler, new FakeTimeProvider());

        var final = (await Streams.ToListAsync(streamClient.TranscribeStreamAsync(TestClients.DocRequest))).Single(e => e.EventType == "final").Final!;
        var result = await jsonClient.TranscribeAsync(TestClients.DocRequest);

        Assert.Multiple(() =>
        {
            Assert.That(final.Ok, Is.EqualTo(result.Ok));
            Assert.That(final.Caption!.Text, Is.EqualTo(result.Caption!.Text));
            Assert.That(final.Caption!.Segments, Is.EqualTo(result.Caption!.Segments));
        });
    }

    [Test]
    public async Task Unknown_events_comments_and_unnamed_events_pass_through_with_no_payload()
    {
        const string body =
            ": keep-alive\n\n" +
            "event: ping\ndata: {}\n\n" +
            "data: {\"hello\":1}\n\n" +
            SoscriptedDocExamples.SseProgressDownloading +
            SoscriptedDocExamples.SseDone;
        var handler = new StubHandler().Respond(_ => Responses.EventStream(body));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var events = await Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest));

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.EventType), Is.EqualTo(new[] { "ping", "message", "progress", "done" }), "a comment is not an event");
            Assert.That(events[0], Is.EqualTo(new TranscribeStreamEvent { EventType = "ping" }));
            Assert.That(events[1], Is.EqualTo(new TranscribeStreamEvent { EventType = "message" }));
        });
    }

    [Test]
    public async Task Crlf_line_endings_and_data_split_over_several_lines_are_read()
    {
        const string body =
            "event: progress\r\ndata: {\"stage\":\"downloading\",\r\ndata: \"pct\":10}\r\n\r\n" +
            "event: final\r\ndata: {\"ok\":true,\r\ndata: \"caption\":{\"text\":\"Hi\",\"segments\":[{\"start\":0,\"end\":1,\"text\":\"Hi\"}]}}\r\n\r\n" +
            "event: done\r\ndata: {\"ok\":true}\r\n\r\n";
        var handler = new StubHandler().Respond(_ => Responses.EventStream(body));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var events = await Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest));

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.EventType), Is.EqualTo(new[] { "progress", "final", "done" }));
            Assert.That(events[0].Progress, Is.EqualTo(new ProgressEvent { Stage = "downloading", Pct = 10 }));
            Assert.That(events[1].Final!.Caption!.Segments.Single().Text, Is.EqualTo("Hi"));
        });
    }

    [Test]
    public async Task Stream_delivered_one_byte_at_a_time_reads_the_same_including_split_utf8()
    {
        var body = SoscriptedDocExamples.SseProgressDownloading +
            "event: final\ndata: {\"ok\":true,\"caption\":{\"text\":\"Grüße, 世界 🎬\",\"segments\":[{\"start\":0,\"end\":1.25,\"text\":\"Grüße, 世界 🎬\"}]}}\n\n" +
            SoscriptedDocExamples.SseDone;
        var handler = new PipeStreamHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var reading = Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest));
        foreach (var b in Encoding.UTF8.GetBytes(body))
        {
            await handler.WriteAsync([b]);
        }

        var events = await Eventually.CompletesAsync(reading, "the stream to be read");
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.EventType), Is.EqualTo(new[] { "progress", "final", "done" }));
            Assert.That(events[1].Final!.Caption!.Text, Is.EqualTo("Grüße, 世界 🎬"));
            Assert.That(events[1].Final!.Caption!.Segments.Single().End, Is.EqualTo(1.25));
        });
        await handler.CompleteAsync();
    }

    [Test]
    public async Task Error_event_becomes_Server_exception_with_the_vendor_message_after_earlier_events()
    {
        const string body = SoscriptedDocExamples.SseProgressDownloading + "event: error\ndata: {\"error\":\"Transcription failed\"}\n\n";
        var handler = new StubHandler().Respond(_ => Responses.EventStream(body));
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        var events = new List<TranscribeStreamEvent>();

        var error = Assert.ThrowsAsync<TranscriptKitServerException>(async () =>
        {
            await foreach (var item in client.TranscribeStreamAsync(TestClients.DocRequest))
            {
                events.Add(item);
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.EventType), Is.EqualTo(new[] { "progress" }));
            Assert.That(error!.Vendor, Is.EqualTo("soscripted"));
            Assert.That(error.VendorMessage, Is.EqualTo("Transcription failed"));
            Assert.That(error.Message, Does.Contain("Transcription failed").And.Contain("Soscripted"));
            Assert.That(error.Message, Does.Not.Contain(TestClients.ApiKey));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Error_event_in_the_doc_error_shape_carries_its_message()
    {
        var body = "event: error\ndata: " + SoscriptedDocExamples.ErrorResponse.ReplaceLineEndings(" ") + "\n\n";
        var handler = new StubHandler().Respond(_ => Responses.EventStream(body));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitServerException>(() => Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest)));

        Assert.That(error!.VendorMessage, Is.EqualTo(SoscriptedDocExamples.ErrorDescription));
    }

    [Test]
    public void Error_event_whose_data_is_not_json_is_still_a_Server_exception()
    {
        var handler = new StubHandler().Respond(_ => Responses.EventStream("event: error\ndata: upstream exploded\n\n"));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitServerException>(() => Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo("soscripted"));
            Assert.That(error.VendorMessage, Is.Null);
            Assert.That(error.Message, Does.Contain("error"));
        });
    }

    [Test]
    public void Stream_that_ends_before_done_throws_saying_it_ended_early_after_delivering_what_came()
    {
        const string body = SoscriptedDocExamples.SseProgressDownloading + SoscriptedDocExamples.SseProgressTranscribing + SoscriptedDocExamples.SseFinalWithSegments;
        var handler = new StubHandler().Respond(_ => Responses.EventStream(body));
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        var events = new List<TranscribeStreamEvent>();

        var error = Assert.CatchAsync<TranscriptKitException>(async () =>
        {
            await foreach (var item in client.TranscribeStreamAsync(TestClients.DocRequest))
            {
                events.Add(item);
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.EventType), Is.EqualTo(new[] { "progress", "progress", "final" }));
            Assert.That(error!.Vendor, Is.EqualTo("soscripted"));
            Assert.That(error.Message, Does.Contain("ended before").And.Contain("'done'"));
            Assert.That(error, Is.Not.InstanceOf<TranscriptKitServerException>(), "nothing says the vendor failed");
        });
    }

    [Test]
    public void Empty_event_stream_throws_saying_it_ended_early()
    {
        var handler = new StubHandler().Respond(_ => Responses.EventStream(string.Empty));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.CatchAsync<TranscriptKitException>(() => Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest)));

        Assert.That(error!.Message, Does.Contain("ended before"));
    }

    [Test]
    public void Connection_dropping_mid_stream_becomes_a_TranscriptKitException_after_delivering_what_came()
    {
        var prefix = Encoding.UTF8.GetBytes(SoscriptedDocExamples.SseProgressDownloading + "event: progress\ndata: {\"stage\":\"transcr");
        var handler = new StubHandler().Respond(_ => Responses.EventStream(new BreakingStream(prefix, new IOException("The response ended prematurely."))));
        using var client = TestClients.Create(handler, new FakeTimeProvider());
        var events = new List<TranscribeStreamEvent>();

        var error = Assert.CatchAsync<TranscriptKitException>(async () =>
        {
            await foreach (var item in client.TranscribeStreamAsync(TestClients.DocRequest))
            {
                events.Add(item);
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.EventType), Is.EqualTo(new[] { "progress" }));
            Assert.That(error!.Vendor, Is.EqualTo("soscripted"));
            Assert.That(error.Message, Does.Contain("broke off").And.Contain("The response ended prematurely."));
            Assert.That(error.InnerException, Is.TypeOf<IOException>());
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "a paid stream is not started again");
        });
    }

    [TestCase("application/json")]
    [TestCase("text/plain")]
    public void Non_event_stream_content_type_becomes_a_Response_exception(string mediaType)
    {
        var handler = new StubHandler().Respond(HttpStatusCode.OK, SoscriptedDocExamples.SuccessResponse, mediaType);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Vendor, Is.EqualTo("soscripted"));
            Assert.That(error.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(error.Message, Does.Contain(mediaType).And.Contain("event stream"));
        });
    }

    [Test]
    public void Response_without_content_type_becomes_a_Response_exception()
    {
        var handler = new StubHandler().Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(SoscriptedDocExamples.SseRealisticStream)) });
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<TranscriptKitResponseException>(() => Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest)));

        Assert.That(error!.Message, Does.Contain("no content type"));
    }

    [Test]
    public async Task Event_stream_content_type_is_matched_case_insensitively_with_a_charset_parameter()
    {
        var handler = new StubHandler().Respond(_ => Responses.EventStream(SoscriptedDocExamples.SseRealisticStream, "Text/Event-Stream"));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var events = await Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
            Assert.That(events, Has.Count.EqualTo(4));
        });
    }

    [TestCase(HttpStatusCode.BadRequest, typeof(TranscriptKitBadRequestException))]
    [TestCase(HttpStatusCode.Unauthorized, typeof(TranscriptKitAuthenticationException))]
    [TestCase(HttpStatusCode.PaymentRequired, typeof(TranscriptKitInsufficientCreditsException))]
    [TestCase(HttpStatusCode.InternalServerError, typeof(TranscriptKitServerException))]
    [TestCase(HttpStatusCode.GatewayTimeout, typeof(TranscriptKitServerException))]
    public void Error_status_before_the_stream_starts_becomes_its_typed_exception(HttpStatusCode status, Type expected)
    {
        var handler = new StubHandler().Respond(status, SoscriptedDocExamples.ErrorResponse);
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var error = Assert.CatchAsync<TranscriptKitException>(() => Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest)));

        Assert.That(error, Is.TypeOf(expected));
        SoscriptedClientErrorTests.AssertVendorError(error!, status, SoscriptedDocExamples.ErrorDescription);
    }

    [Test]
    public async Task Stream_answered_500_is_sent_exactly_once_even_with_retries_enabled()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler()
            .Respond(HttpStatusCode.InternalServerError, SoscriptedDocExamples.ErrorResponse)
            .Otherwise(_ => Responses.EventStream(SoscriptedDocExamples.SseRealisticStream));
        using var client = TestClients.Create(handler, time, TestClients.Retries);

        var reading = Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest));
        await Eventually.WaitUntilAsync(() => reading.IsCompleted || Eventually.Count(handler) >= 1, "the first attempt");
        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.WaitUntilAsync(() => reading.IsCompleted, "the stream to end");

        Assert.ThrowsAsync<TranscriptKitServerException>(() => reading);
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Null_request_is_refused_and_nothing_is_sent()
    {
        var handler = new StubHandler();
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        Assert.ThrowsAsync<ArgumentNullException>(() => Streams.ToListAsync(client.TranscribeStreamAsync(null!)));

        await Eventually.SettleAsync();
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public async Task Nothing_is_sent_until_the_stream_is_enumerated()
    {
        var handler = new StubHandler().Respond(_ => Responses.EventStream(SoscriptedDocExamples.SseRealisticStream));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        var stream = client.TranscribeStreamAsync(TestClients.DocRequest);
        await Eventually.SettleAsync();
        Assert.That(handler.Requests, Is.Empty, "creating the stream does not spend a credit");

        await Streams.ToListAsync(stream);
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Response_body_is_released_after_done_and_when_the_caller_stops_early()
    {
        var afterDone = new TrackingStream(Encoding.UTF8.GetBytes(SoscriptedDocExamples.SseRealisticStream));
        var stoppedEarly = new TrackingStream(Encoding.UTF8.GetBytes(SoscriptedDocExamples.SseRealisticStream));
        var handler = new StubHandler()
            .Respond(_ => Responses.EventStream(afterDone))
            .Respond(_ => Responses.EventStream(stoppedEarly));
        using var client = TestClients.Create(handler, new FakeTimeProvider());

        await Streams.ToListAsync(client.TranscribeStreamAsync(TestClients.DocRequest));
        await foreach (var item in client.TranscribeStreamAsync(TestClients.DocRequest))
        {
            Assert.That(item.EventType, Is.EqualTo("progress"));
            break;
        }

        Assert.Multiple(() =>
        {
            Assert.That(afterDone.Disposed, Is.True, "the connection is released once done arrives");
            Assert.That(stoppedEarly.Disposed, Is.True, "the connection is released when the caller breaks out");
        });
    }

    /// <summary>A memory stream that remembers being disposed.</summary>
    private sealed class TrackingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
