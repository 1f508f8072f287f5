using Spectre.Console;

namespace Similarity.Cli.Commands.Streaming;

/// <summary>
/// A progress bar on stderr, shown only when stderr is a terminal, so scripts and pipes see clean output. The work
/// reports (done, total); a null total shows an indeterminate bar with the count in its description.
/// </summary>
internal static class TerminalProgress
{
    private static bool Enabled => !Console.IsErrorRedirected;

    /// <summary>The console to write human-facing output to on stderr (colours and width of the terminal).</summary>
    private static IAnsiConsole Stderr { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static async Task<T> RunAsync<T>(string description, Func<IProgressSink, Task<T>> work)
    {
        if (!Enabled)
        {
            return await work(IProgressSink.None);
        }

        T result = default!;
        await Stderr.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), autoStart: true, maxValue: 1);
                result = await work(new SpectreSink(task, description));
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Receives progress from the work being shown.</summary>
    internal interface IProgressSink
    {
        static IProgressSink None { get; } = new NoSink();

        /// <summary>Reports <paramref name="done"/> of <paramref name="total"/> (null when the total is unknown).</summary>
        void Report(double done, double? total, string? detail = null);
    }

    private sealed class NoSink : IProgressSink
    {
        public void Report(double done, double? total, string? detail = null)
        {
        }
    }

    private sealed class SpectreSink(ProgressTask task, string description) : IProgressSink
    {
        public void Report(double done, double? total, string? detail = null)
        {
            task.IsIndeterminate = total is null;
            if (total is { } known)
            {
                task.MaxValue = Math.Max(known, 1);
                task.Value = Math.Min(done, task.MaxValue);
            }

            task.Description = Markup.Escape(detail is null ? description : $"{description} {detail}");
        }
    }
}
