using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Cli.Tests;

/// <summary>`transcriptkit transcribe` against the embedded sandbox (no key, no endpoint): what reaches stdout, stderr and files.</summary>
[TestFixture]
public sealed class TranscribeCommandTests
{
    private static readonly string WelcomeSrt = File.ReadAllText(CliProcess.Sample("welcome.srt"));

    [Test]
    public async Task Readme_command_prints_the_welcome_srt_from_the_embedded_sandbox()
    {
        var result = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--format", "srt");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(SrtCues.Parse(result.Stdout), Is.EqualTo(SrtCues.Parse(WelcomeSrt)).And.Count.EqualTo(4), result.ToString());
        Assert.That(result.Stderr, Does.Contain("No API key for captioncat: using the built-in sandbox at http://127.0.0.1:"));
        Assert.That(result.Stderr, Does.Contain("Job accepted: resume with `transcriptkit resume tkjob2."));
        Assert.That(result.Stdout, Does.Not.Contain("sandbox").And.Not.Contain("Job accepted"), "only the result goes to stdout");
    }

    [Test]
    public async Task Text_format_prints_the_cues_as_one_paragraph()
    {
        var result = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "captioncat");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var expected = string.Join(' ', SrtCues.Parse(WelcomeSrt).Select(c => c.Text));
        Assert.That(result.Stdout, Is.EqualTo(expected + "\n"));
    }

    [Test]
    public async Task Vtt_format_prints_webvtt_with_dotted_times()
    {
        var result = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--format", "vtt");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.StartWith("WEBVTT"));
        Assert.That(result.Stdout, Does.Contain("00:00:00.300 --> 00:00:02.097"));
        Assert.That(SrtCues.Parse(result.Stdout), Is.EqualTo(SrtCues.Parse(WelcomeSrt)));
    }

    [Test]
    public async Task Json_format_carries_vendor_job_text_duration_and_timed_segments()
    {
        var result = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.That(root.GetProperty("vendor").GetString(), Is.EqualTo("captioncat"));
        Assert.That(root.GetProperty("jobId").GetString(), Is.Not.Empty);
        Assert.That(root.GetProperty("text").GetString(), Does.StartWith("Welcome to TranscriptKit. One client library"));
        Assert.That(root.GetProperty("duration").GetDouble(), Is.EqualTo(14.674).Within(0.0005));
        var segments = root.GetProperty("segments").EnumerateArray().ToList();
        Assert.That(segments, Has.Count.EqualTo(4));
        Assert.That(segments[0].GetProperty("start").GetDouble(), Is.EqualTo(0.3).Within(0.0005));
        Assert.That(segments[0].GetProperty("end").GetDouble(), Is.EqualTo(2.097).Within(0.0005));
        Assert.That(segments[0].GetProperty("text").GetString(), Is.EqualTo("Welcome to TranscriptKit."));
        Assert.That(segments[0].GetProperty("words").ValueKind, Is.EqualTo(JsonValueKind.Array));
    }

    [Test]
    public async Task Output_option_writes_the_file_and_leaves_stdout_empty()
    {
        var path = Path.Combine(Path.GetTempPath(), $"transcriptkit-cli-{Guid.NewGuid():N}.srt");
        try
        {
            var result = await CliProcess.RunAsync("transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--format", "srt", "--output", path);

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.Contain($"Wrote SRT to {path}"));
            Assert.That(SrtCues.Parse(await File.ReadAllTextAsync(path)), Is.EqualTo(SrtCues.Parse(WelcomeSrt)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Subclip_with_a_language_transcribes_an_mp3()
    {
        var result = await CliProcess.RunAsync("transcribe", "samples/short-note.mp3", "--vendor", "subclip", "--language", "en", "--format", "srt");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(SrtCues.Parse(result.Stdout), Is.EqualTo(SrtCues.Parse(File.ReadAllText(CliProcess.Sample("short-note.srt")))).And.Count.EqualTo(2));
    }

    [Test]
    public async Task Accented_text_reaches_stdout_as_utf8()
    {
        var result = await CliProcess.RunAsync("transcribe", "samples/bonjour.mp4", "--vendor", "cliptext");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.Contain("Cette vidéo est en français."));
    }

    [Test]
    public async Task Soscripted_transcribes_a_url_in_one_call_with_progress()
    {
        var result = await CliProcess.RunAsync("transcribe", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "--vendor", "soscripted", "--format", "vtt");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.StartWith("WEBVTT"));
        Assert.That(result.Stderr, Does.Contain("soscripted: https://www.youtube.com/watch: processing"), "plain progress lines when stderr is not a terminal");
        Assert.That(result.Stderr, Does.Not.Contain("Job accepted"), "Soscripted has no jobs");
    }
}
