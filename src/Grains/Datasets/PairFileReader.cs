using System.Globalization;

namespace Similarity.Grains.Datasets;

/// <summary>
/// Streams the rows of a benchmark TSV file: a header line, then <c>gold&lt;TAB&gt;sentence1&lt;TAB&gt;sentence2</c>,
/// UTF-8, no quoting. Every error names the file and line.
/// </summary>
public static class PairFileReader
{
    private const int Columns = 3;

    /// <summary>Reads <paramref name="path"/> lazily; <paramref name="displayName"/> (e.g. <c>stsb/dev.tsv</c>) is what errors show.</summary>
    /// <param name="scale">When reading scores, the range they must fall in; null accepts any finite number.</param>
    public static IEnumerable<PairRow> Read(string path, string displayName, GoldColumn gold, ScoreScale? scale = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(displayName);
        if (!File.Exists(path))
        {
            throw new DatasetNotFoundException($"{displayName}: file not found ({path})");
        }

        return ReadLines(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan), displayName, gold, scale);
    }

    /// <summary>Reads rows from an open stream, disposed when the enumeration ends; it can be enumerated once.</summary>
    public static IEnumerable<PairRow> Read(Stream stream, string displayName, GoldColumn gold, ScoreScale? scale = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(displayName);
        return ReadLines(() => stream, displayName, gold, scale);
    }

    private static IEnumerable<PairRow> ReadLines(Func<Stream> open, string displayName, GoldColumn gold, ScoreScale? scale)
    {
        using (var reader = new Utf8LineReader(open(), displayName))
        {
            if (!reader.TryReadLine(out var header))
            {
                throw new DatasetFormatException(displayName, 0, "file is empty; expected a header line (e.g. score<TAB>sentence1<TAB>sentence2)");
            }

            var headerColumns = header.AsSpan().Count('\t') + 1;
            if (headerColumns != Columns)
            {
                throw new DatasetFormatException(displayName, 1, $"header has {headerColumns} tab-separated columns; expected {Columns} (e.g. score<TAB>sentence1<TAB>sentence2)");
            }

            while (reader.TryReadLine(out var line))
            {
                yield return ParseRow(line, reader.LineNumber, displayName, gold, scale);
            }
        }
    }

    private static PairRow ParseRow(string line, int lineNumber, string displayName, GoldColumn gold, ScoreScale? scale)
    {
        var firstTab = line.IndexOf('\t');
        var secondTab = firstTab < 0 ? -1 : line.IndexOf('\t', firstTab + 1);
        if (secondTab < 0 || line.IndexOf('\t', secondTab + 1) >= 0)
        {
            var found = line.AsSpan().Count('\t') + 1;
            throw new DatasetFormatException(displayName, lineNumber, $"expected {Columns} tab-separated columns (gold, sentence1, sentence2), found {found}");
        }

        var field = line.AsSpan(0, firstTab);
        var value = gold == GoldColumn.Label
            ? ParseLabel(field, lineNumber, displayName)
            : ParseScore(field, lineNumber, displayName, scale);
        return new PairRow(lineNumber, value, line[(firstTab + 1)..secondTab], line[(secondTab + 1)..]);
    }

    private static double ParseLabel(ReadOnlySpan<char> field, int lineNumber, string displayName) => field switch
    {
        "0" => 0,
        "1" => 1,
        _ => throw new DatasetFormatException(displayName, lineNumber, $"label '{field}' is not 0 or 1"),
    };

    private static double ParseScore(ReadOnlySpan<char> field, int lineNumber, string displayName, ScoreScale? scale)
    {
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score))
        {
            throw new DatasetFormatException(displayName, lineNumber, $"score '{field}' is not a number");
        }

        if (scale is { } range && !range.Contains(score))
        {
            throw new DatasetFormatException(displayName, lineNumber, $"score '{field}' is outside {range}");
        }

        return score;
    }
}
