using System.Text;

namespace Similarity.Cli.IO;

/// <summary>Opens a command's input (a file, or stdin when no path is given) as strictly decoded UTF-8 lines.</summary>
internal static class CommandInput
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Stream OpenStream(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
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

    /// <summary>
    /// Reads lines (LF or CRLF ends a line; a BOM is skipped). Invalid UTF-8 fails with the 1-based line number,
    /// so a user can find the bad line in a large file.
    /// </summary>
    public static async IAsyncEnumerable<string> ReadLinesAsync(string? path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var name = string.IsNullOrEmpty(path) || path == "-" ? "stdin" : path;
        await using var stream = OpenStream(path);
        using var reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var lineNumber = 0;
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                throw new CliException($"invalid UTF-8 at line {lineNumber + 1} of {name}");
            }

            if (line is null)
            {
                yield break;
            }

            lineNumber++;
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line[1..];
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
}
