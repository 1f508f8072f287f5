using Similarity.Grains.Datasets;

namespace Similarity.Cli.IO;

/// <summary>Opens a command's input (a file, or stdin when no path is given) as strictly decoded UTF-8 lines.</summary>
internal static class CommandInput
{
    public static Stream OpenStream(string? path)
    {
        if (IsStdin(path))
        {
            return Console.OpenStandardInput();
        }

        if (Directory.Exists(path))
        {
            throw new CliException($"input '{path}' is a directory, not a file");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"input file not found: {path}");
        }

        return File.OpenRead(path);
    }

    /// <summary>How messages name the input: its path, or <c>stdin</c>.</summary>
    public static string DisplayName(string? path) => IsStdin(path) ? "stdin" : path!;

    /// <summary>
    /// Reads lines (LF or CRLF ends a line; a BOM is skipped). Each line is decoded on its own, so invalid UTF-8 is
    /// reported at its real 1-based line number and a user can find it in a large file.
    /// </summary>
    public static async IAsyncEnumerable<string> ReadLinesAsync(string? path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new Utf8LineReader(OpenStream(path), DisplayName(path));
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!TryReadLine(reader, out var line))
            {
                yield break;
            }

            yield return line;
        }
    }

    public static async Task<List<string>> ReadAllLinesAsync(string? path, CancellationToken cancellationToken = default)
    {
        var lines = new List<string>();
        await foreach (var line in ReadLinesAsync(path, cancellationToken))
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The next line of <paramref name="reader"/>; a line it cannot read is a <see cref="CliException"/> naming the line and the file.</summary>
    public static bool TryReadLine(Utf8LineReader reader, out string line)
    {
        try
        {
            return reader.TryReadLine(out line);
        }
        catch (DatasetFormatException e) when (e.Problem.StartsWith("invalid UTF-8", StringComparison.Ordinal))
        {
            throw new CliException($"invalid UTF-8 at line {e.Line} of {e.File}", e);
        }
        catch (DatasetFormatException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    public static bool IsStdin(string? path) => string.IsNullOrEmpty(path) || path == "-";
}
