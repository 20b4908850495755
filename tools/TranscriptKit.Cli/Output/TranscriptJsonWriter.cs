using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TranscriptKit.Cli.Output;

/// <summary>The <c>--format json</c> document, written with <see cref="Utf8JsonWriter"/> (no reflection): times in seconds.</summary>
internal static class TranscriptJsonWriter
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        // Written to a terminal or a file, never into HTML: keep accented text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Transcript transcript)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, s_options))
        {
            json.WriteStartObject();
            json.WriteString("vendor", transcript.Vendor);
            WriteStringOrNull(json, "jobId", transcript.JobId);
            json.WriteString("text", transcript.Text);
            if (transcript.Duration is { } duration)
            {
                json.WriteNumber("duration", Seconds(duration));
            }
            else
            {
                json.WriteNull("duration");
            }

            json.WriteStartArray("segments");
            foreach (var segment in transcript.Segments)
            {
                json.WriteStartObject();
                json.WriteNumber("start", Seconds(segment.Start));
                json.WriteNumber("end", Seconds(segment.End));
                json.WriteString("text", segment.Text);
                json.WriteStartArray("words");
                foreach (var word in segment.Words)
                {
                    json.WriteStartObject();
                    json.WriteNumber("start", Seconds(word.Start));
                    json.WriteNumber("end", Seconds(word.End));
                    json.WriteString("text", word.Text);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);
}
