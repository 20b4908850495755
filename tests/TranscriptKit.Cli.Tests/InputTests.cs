using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;
using TranscriptKit.Sandbox;

namespace TranscriptKit.Cli.Tests;

/// <summary>
/// Inputs and outputs that cannot work are usage errors (exit 2) found before anything is uploaded or paid for:
/// FIFOs (which used to hang), devices, folders, empty and unreadable files, an --output that cannot be written.
/// </summary>
[TestFixture]
public sealed class InputTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        // Not CreateTempSubdirectory (mode 700): the unreadable-file test runs the CLI as another user.
        _folder = Path.Combine(Path.GetTempPath(), "tk-cli-input-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    [Platform("Linux")]
    public async Task A_fifo_exits_2_at_once_instead_of_hanging()
    {
        var fifo = Path.Combine(_folder, "talk.mp4");
        Run("mkfifo", fifo);

        // Nothing ever writes to the FIFO: a CLI that opened it would block until CliProcess's limit kills it.
        var result = await CliProcess.RunAsync("transcribe", fifo, "--vendor", "captioncat");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("is a named pipe (FIFO), not a regular file"));
    }

    [Test]
    [Platform("Linux")]
    public async Task A_device_exits_2()
    {
        var result = await CliProcess.RunAsync("transcribe", "/dev/zero", "--vendor", "captioncat");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("is a device, not a regular file"));
    }

    [Test]
    public async Task A_folder_exits_2_and_says_it_is_a_folder_not_that_it_is_missing()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "talk.mp4")).FullName;

        var result = await CliProcess.RunAsync("transcribe", folder, "--vendor", "captioncat");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("is a folder").And.Not.Contain("No such file"));
    }

    [TestCase("subclip")]
    [TestCase("cliptext")]
    public async Task An_empty_file_exits_2_before_anything_is_uploaded_or_paid_for(string vendor)
    {
        await using var sandbox = await VendorSandbox.StartAsync();
        var empty = Path.Combine(_folder, "talk.mp4");
        await File.WriteAllBytesAsync(empty, []);

        var result = await CliProcess.RunAsync("transcribe", empty, "--vendor", vendor, "--language", "en", "--endpoint", sandbox.GetEndpoint(vendor).ToString(), "--api-key", sandbox.ApiKey);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("is empty (0 bytes)"));
        Assert.That(sandbox.Requests, Is.Empty);
    }

    [Test]
    [Platform("Linux")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task An_unreadable_file_exits_2_with_a_usage_error_not_an_unexpected_one()
    {
        var file = Path.Combine(_folder, "talk.mp4");
        await File.WriteAllBytesAsync(file, [1, 2, 3]);
        File.SetUnixFileMode(file, UnixFileMode.None);
        File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        // Root reads a mode-000 file (and CI runs as root), so root runs the CLI as nobody.
        string[]? launcher = Environment.UserName == "root" ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : null;
        if (launcher is not null && Run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "test", "-r", CliProcess.CliPath) != 0)
        {
            Assert.Ignore("The CLI's build output is not readable by 'nobody' here, so the CLI cannot run as another user; LocalFileTests covers the check through an injected opener.");
        }

        var result = await CliProcess.RunAsync(
            ["transcribe", file, "--vendor", "captioncat"], null, new System.Collections.Generic.Dictionary<string, string> { ["HOME"] = _folder, ["DOTNET_CLI_HOME"] = _folder }, launcher);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("cannot be read: permission denied").And.Not.Contain("Unexpected error"));
    }

    [Test]
    public async Task An_output_that_is_a_folder_exits_2_before_anything_is_submitted()
    {
        await using var sandbox = await VendorSandbox.StartAsync();

        var result = await CliProcess.RunAsync(
            "transcribe", "samples/welcome.mp4", "--vendor", "captioncat", "--output", _folder,
            "--endpoint", sandbox.GetEndpoint("captioncat").ToString(), "--api-key", sandbox.ApiKey);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("it is a folder"));
        Assert.That(sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task An_output_that_can_be_written_is_left_as_it_was_by_the_check()
    {
        await using var sandbox = await VendorSandbox.StartAsync();
        var output = Path.Combine(_folder, "out.srt");
        var existing = Path.Combine(_folder, "existing.srt");
        await File.WriteAllTextAsync(existing, "keep me");

        // An unknown vendor refusal (exit 3) after the check: the probe leaves no file, and an existing one untouched.
        var probe = await CliProcess.RunAsync(
            "transcribe", "samples/short-note.mp3", "--vendor", "captioncat", "--output", output,
            "--endpoint", sandbox.GetEndpoint("captioncat").ToString(), "--api-key", sandbox.ApiKey);
        var kept = await CliProcess.RunAsync(
            "transcribe", "samples/short-note.mp3", "--vendor", "captioncat", "--output", existing,
            "--endpoint", sandbox.GetEndpoint("captioncat").ToString(), "--api-key", sandbox.ApiKey);

        Assert.That(probe.ExitCode, Is.EqualTo(3), probe.ToString());
        Assert.That(kept.ExitCode, Is.EqualTo(3), kept.ToString());
        Assert.That(File.Exists(output), Is.False);
        Assert.That(await File.ReadAllTextAsync(existing), Is.EqualTo("keep me"));
    }

    private static int Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
