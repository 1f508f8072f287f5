using System.CommandLine;

namespace Similarity.Cli;

/// <summary>Runs the command line and turns failures into one line on stderr and a non-zero exit code.</summary>
internal static class CliRunner
{
    public const int UsageError = 2;
    public const int Failure = 1;

    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter? error = null)
    {
        error ??= Console.Error;
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // Name the unrecognised token first: it is usually the real mistake.
                var first = parsed.Errors.OrderBy(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal) ? 0 : 1).First();
                await error.WriteLineAsync($"simctl: {OneLine(first.Message)} (see 'simctl --help')");
                return UsageError;
            }

            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            await error.WriteLineAsync("simctl: " + message);
            return e is OperationCanceledException ? 130 : UsageError;
        }
    }

    /// <summary>The one-line message for errors a user can fix; null for bugs, which keep their stack trace.</summary>
    internal static string? Describe(Exception e) => e switch
    {
        CliException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException
            or FormatException or NotSupportedException or UnauthorizedAccessException or OperationCanceledException => OneLine(e.Message),
        ArgumentException when e.GetType() == typeof(ArgumentException) => OneLine(e.Message),
        IOException => OneLine(e.Message),
        _ when e.GetType().Namespace?.StartsWith("Similarity.", StringComparison.Ordinal) == true => OneLine(e.Message),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        _ => null,
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
