using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using TranscriptKit.Cli.Output;
using TranscriptKit.SpecTools;

namespace TranscriptKit.Cli.Commands;

/// <summary>
/// <c>transcriptkit spec diff</c>: what a spec edit does to the generated C# and to the wire, read with the generator's
/// own parser; exit code 5 when anything breaks, so CI can gate on it. No network, no vendor.
/// </summary>
internal static class SpecCommand
{
    public static Command Create()
    {
        var command = new Command("spec", "Tools for the spec maintainer.");
        command.Subcommands.Add(Diff());
        return command;
    }

    private static Command Diff()
    {
        var specs = new Argument<FileInfo[]>("spec")
        {
            Description = "<old.yaml> <new.yaml>, or one <spec.yaml> to compare with its version at git HEAD.",
            Arity = new ArgumentArity(1, 2),
        };
        var format = new Option<string>("--format")
        {
            Description = "table (default) or json.",
            DefaultValueFactory = _ => "table",
        };
        var command = new Command("diff", "Classify every change between two versions of a spec as breaking or additive, for the generated C# and for the wire. Exit code 5 when a change breaks.")
        {
            specs,
            format,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var files = parseResult.GetValue(specs) ?? [];
            var asJson = (parseResult.GetValue(format) ?? "table").Trim().ToLowerInvariant() switch
            {
                "table" => false,
                "json" => true,
                var other => throw new UsageException($"Unknown --format '{other}': use table or json."),
            };

            var (oldLabel, oldText) = files.Length == 2 ? (files[0].FullName, ReadFile(files[0])) : await ReadGitHeadAsync(files[0], cancellationToken).ConfigureAwait(false);
            var newFile = files[^1];
            var newText = ReadFile(newFile);

            SpecDiffResult result;
            try
            {
                result = SpecDiff.Compare(oldText, newText, oldLabel, newFile.FullName, cancellationToken);
            }
            catch (SpecReadException e)
            {
                throw new UsageException(e.Message, e);
            }

            var text = asJson ? Json(oldLabel, newFile.FullName, result) : Table(oldLabel, newFile.FullName, result);
            await ResultWriter.WriteAsync(text, null, "the diff", cancellationToken).ConfigureAwait(false);
            return result.IsBreaking ? ExitCodes.BreakingChanges : ExitCodes.Ok;
        });
        return command;
    }

    private static string ReadFile(FileInfo file)
    {
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Could not read {file.FullName}: {e.Message}", e);
        }
    }

    /// <summary>The spec as committed at HEAD of the repository the file is in (the base a pull request changes).</summary>
    private static async Task<(string Label, string Text)> ReadGitHeadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new UsageException($"Could not read {file.FullName}: the file does not exist.");
        }

        var directory = file.DirectoryName ?? ".";
        var (topCode, top, topError) = await GitAsync(directory, ["rev-parse", "--show-toplevel"], cancellationToken).ConfigureAwait(false);
        if (topCode != 0)
        {
            throw new UsageException(
                $"{file.FullName} is not in a git repository ({topError.Trim()}), so there is no base to compare with: " +
                "name both versions, `transcriptkit spec diff <old.yaml> <new.yaml>`.");
        }

        // Git paths use '/', relative to the top level, whatever the platform.
        var relative = Path.GetRelativePath(top.Trim(), file.FullName).Replace(Path.DirectorySeparatorChar, '/');
        var (showCode, text, showError) = await GitAsync(directory, ["show", $"HEAD:{relative}"], cancellationToken).ConfigureAwait(false);
        if (showCode != 0)
        {
            throw new UsageException(
                $"{relative} has no version at git HEAD ({showError.Trim()}): a new spec has nothing to break; " +
                "or name both versions, `transcriptkit spec diff <old.yaml> <new.yaml>`.");
        }

        return ($"HEAD:{relative}", text);
    }

    private static async Task<(int Code, string Out, string Error)> GitAsync(string directory, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new UsageException("git did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new UsageException($"git is not installed ({e.Message}): name both versions, `transcriptkit spec diff <old.yaml> <new.yaml>`.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
    }

    private static string Table(string oldLabel, string newLabel, SpecDiffResult result)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        if (result.Changes.Count == 0)
        {
            console.WriteLine($"No changes between {oldLabel} and {newLabel} that affect the generated C# or the wire.");
            return writer.ToString();
        }

        var table = new Table().AddColumns("Subject", "Rule", "C#", "Wire", "Detail");
        foreach (var change in result.Changes)
        {
            table.AddRow(
                Markup.Escape(change.Subject),
                Markup.Escape(change.Rule),
                Impact(change.CSharp),
                Impact(change.Wire),
                Markup.Escape(change.Detail));
        }

        console.Write(table);
        var breaking = result.Changes.Count(c => c.IsBreaking);
        console.WriteLine($"{result.Changes.Count} change(s), {breaking} breaking: {oldLabel} → {newLabel}");
        return writer.ToString();
    }

    private static string Impact(ChangeImpact impact) => impact switch
    {
        ChangeImpact.Breaking => "BREAKING",
        ChangeImpact.Additive => "additive",
        _ => "-",
    };

    private static string Json(string oldLabel, string newLabel, SpecDiffResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,

            // Read by people in CI logs as much as by scripts: an arrow stays an arrow, not \u2192.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("old", oldLabel);
            json.WriteString("new", newLabel);
            json.WriteBoolean("breaking", result.IsBreaking);
            json.WriteStartArray("changes");
            foreach (var change in result.Changes)
            {
                json.WriteStartObject();
                json.WriteString("subject", change.Subject);
                json.WriteString("rule", change.Rule);
                json.WriteString("csharp", Name(change.CSharp));
                json.WriteString("wire", Name(change.Wire));
                json.WriteBoolean("breaking", change.IsBreaking);
                json.WriteString("detail", change.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Name(ChangeImpact impact) => impact.ToString().ToLowerInvariant();
}
