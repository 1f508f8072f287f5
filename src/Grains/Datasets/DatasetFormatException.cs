namespace Similarity.Grains.Datasets;

/// <summary>A data file that breaks the TSV contract; the message starts with the file and line, e.g. <c>stsb/dev.tsv line 17: ...</c>.</summary>
public sealed class DatasetFormatException : DatasetException
{
    public DatasetFormatException(string file, int line, string problem, Exception? inner = null)
        : base(line > 0 ? $"{file} line {line}: {problem}" : $"{file}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file as shown to the user (relative to the data folder when known).</summary>
    public string File { get; }

    /// <summary>1-based line number; 0 when the problem concerns the whole file.</summary>
    public int Line { get; }

    public string Problem { get; }
}
