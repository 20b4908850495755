using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Cli.Tests;

/// <summary>
/// <c>transcriptkit spec diff</c> as CI runs it: exit 0 without a breaking change, 5 with one, 2 when there is nothing to
/// compare (not a git repository, a spec the generator refuses, a bad option); the table and the JSON say what changed.
/// </summary>
[TestFixture]
[CancelAfter(120_000)]
public sealed class SpecDiffCommandTests
{
    private string _folder = null!;
    private string _spec = null!;

    [SetUp]
    public void CopySpec()
    {
        // A folder outside the repository, so "not a git repository" is true until a test runs git init.
        _folder = Path.Combine(Path.GetTempPath(), "tk-spec-diff-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _spec = Path.Combine(CliProcess.RepoRoot, "specs", "subclip.yaml");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Edited(string name, string from, string to)
    {
        var text = File.ReadAllText(_spec);
        Assert.That(text, Does.Contain(from), "the edit must apply to the spec");
        return Write(name, text.Replace(from, to));
    }

    [Test]
    public async Task The_same_spec_exits_0_and_says_nothing_changed()
    {
        var result = await CliProcess.RunAsync("spec", "diff", _spec, Write("copy.yaml", File.ReadAllText(_spec)));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.Contain("No changes"));
    }

    [Test]
    public async Task A_breaking_change_exits_5_with_a_table_naming_it()
    {
        var renamed = Edited("renamed.yaml", "operationId: getJob", "operationId: fetchJob");

        var result = await CliProcess.RunAsync("spec", "diff", _spec, renamed);

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(result.Stdout, Does.Contain("operation-renamed").And.Contain("BREAKING").And.Contain("GetJobAsync → FetchJobAsync"));
    }

    [Test]
    public async Task An_additive_change_exits_0_and_json_lists_it()
    {
        var added = Edited("added.yaml", "\n        durationSeconds:\n", "\n        tkNote:\n          type: string\n        durationSeconds:\n");

        var result = await CliProcess.RunAsync("spec", "diff", _spec, added, "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.That(json.RootElement.GetProperty("breaking").GetBoolean(), Is.False);
        var change = json.RootElement.GetProperty("changes")[0];
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("changes").GetArrayLength(), Is.EqualTo(1), result.Stdout);
            Assert.That(change.GetProperty("rule").GetString(), Is.EqualTo("property-added-optional"));
            Assert.That(change.GetProperty("csharp").GetString(), Is.EqualTo("additive"));
            Assert.That(change.GetProperty("wire").GetString(), Is.EqualTo("additive"));
        });
    }

    [Test]
    public async Task A_breaking_change_exits_5_in_json_too()
    {
        var moved = Edited("moved.yaml", "https://www.subclip.app/api/v1", "https://www.subclip.app/api/v2");

        var result = await CliProcess.RunAsync("spec", "diff", _spec, moved, "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.That(json.RootElement.GetProperty("breaking").GetBoolean(), Is.True);
        Assert.That(json.RootElement.GetProperty("changes")[0].GetProperty("rule").GetString(), Is.EqualTo("endpoint-changed"));
    }

    [Test]
    public async Task One_spec_is_compared_with_its_version_at_git_head()
    {
        var spec = Write("subclip.yaml", File.ReadAllText(_spec));
        Git("init", "-q");
        Git("add", "subclip.yaml");
        Git("-c", "user.name=Spec Test", "-c", "user.email=spec@test.invalid", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "base");
        File.WriteAllText(spec, File.ReadAllText(_spec).Replace("https://www.subclip.app/api/v1", "https://www.subclip.app/api/v2"));

        var result = await CliProcess.RunAsync("spec", "diff", spec);

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(result.Stdout, Does.Contain("endpoint-changed").And.Contain("HEAD:subclip.yaml"));
    }

    [Test]
    public async Task One_spec_outside_a_git_repository_exits_2_and_says_so()
    {
        var spec = Write("subclip.yaml", File.ReadAllText(_spec));

        var result = await CliProcess.RunAsync("spec", "diff", spec);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("not in a git repository").And.Contain("spec diff <old.yaml> <new.yaml>"));
    }

    [Test]
    public async Task A_spec_the_generator_refuses_exits_2_with_its_diagnostic()
    {
        var broken = Edited("broken.yaml", "      operationId: getJob\n", string.Empty);

        var result = await CliProcess.RunAsync("spec", "diff", _spec, broken);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("TK0002"));
    }

    [Test]
    public async Task An_unknown_format_exits_2()
    {
        var result = await CliProcess.RunAsync("spec", "diff", _spec, _spec, "--format", "xml");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("--format"));
    }

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _folder, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(30_000), Is.True, "git did not finish");
        Assert.That(process.ExitCode, Is.EqualTo(0), $"git {string.Join(' ', args)}: {error}");
    }
}
