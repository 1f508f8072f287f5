using System.CommandLine;
using System.Text;

namespace Similarity.Cli.IO;

/// <summary>Opens a command's output: a file, or stdout when no path is given.</summary>
internal static class CommandOutput
{
    /// <summary>The <c>--output</c> (<c>-o</c>) option every command that writes a result shares.</summary>
    public static Option<string?> Option(string what, string whenOmitted = "stdout") =>
        new("--output", "-o") { Description = $"Where to write {what} (default: {whenOmitted})" };

    /// <summary>The <c>--json</c> switch of commands whose default output is a table for people.</summary>
    public static Option<bool> JsonSwitch() =>
        new("--json") { Description = "Write one JSON object instead of a table" };

    public static Stream OpenStream(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            return Console.OpenStandardOutput();
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new CliException($"output folder does not exist: {directory}");
        }

        return File.Create(path);
    }

    public static StreamWriter OpenWriter(string? path) =>
        new(OpenStream(path), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16) { NewLine = "\n" };
}
