using System;
using System.Threading.Tasks;
using Spectre.Console;

namespace TranscriptKit.Cli.Progress;

/// <summary>A Spectre.Console live progress bar on stderr, so stdout carries only the result.</summary>
internal sealed class SpectreProgressDisplay : IProgressDisplay
{
    private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        // Spectre judges by stdout, which is often redirected (`> out.srt`) while stderr is the terminal we draw on.
        Interactive = InteractionSupport.Yes,
        Ansi = AnsiSupport.Yes,
    });

    public Task<T> RunAsync<T>(string title, Func<IProgress<TranscriptionProgress>, Task<T>> work) =>
        _console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 100);
                task.IsIndeterminate = true;
                var result = await work(new TaskReporter(task, title)).ConfigureAwait(false);
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });

    private sealed class TaskReporter(ProgressTask task, string title) : IProgress<TranscriptionProgress>
    {
        public void Report(TranscriptionProgress value)
        {
            task.Description = Markup.Escape($"{title}: {ProgressDisplay.Describe(value)}");
            if (value.Percent is { } percent)
            {
                task.IsIndeterminate = false;
                task.Value = Math.Clamp(percent, 0, 100);
            }
        }
    }
}
