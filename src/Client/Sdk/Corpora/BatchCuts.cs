namespace Similarity.Client.Corpora;

/// <summary>
/// Where an input's batches start: a batch holds at most a given number of rows and at most <see cref="MaxBatchBytes"/>
/// bytes of texts or values, so every batch fits one stream message (an embedded silo's memory streams take messages of
/// up to 1 MiB). Made row by row (<see cref="Add"/>) for texts of any length, or at once for fixed-width embeddings.
/// </summary>
public sealed class BatchCuts
{
    /// <summary>Most bytes of texts or embedding values in one batch.</summary>
    public const int MaxBatchBytes = 768 * 1024;

    private readonly List<long> _starts = [];
    private readonly int _maxRows;
    private int _rowsInLast;
    private long _bytesInLast;

    /// <summary>Cuts of at most <paramref name="maxRows"/> rows (and <see cref="MaxBatchBytes"/> bytes) each.</summary>
    public BatchCuts(int maxRows) => _maxRows = CorpusSources.CheckBatchSize(maxRows);

    public long Rows { get; private set; }

    public int Batches => _starts.Count;

    /// <summary>Cuts of <paramref name="rows"/> rows of <paramref name="bytesPerRow"/> bytes each.</summary>
    public static BatchCuts Fixed(long rows, int maxRows, long bytesPerRow)
    {
        var perBatch = (int)Math.Clamp(MaxBatchBytes / Math.Max(1, bytesPerRow), 1, CorpusSources.CheckBatchSize(maxRows));
        var cuts = new BatchCuts(perBatch);
        for (long start = 0; start < rows; start += perBatch)
        {
            cuts._starts.Add(start);
        }

        cuts.Rows = rows;
        return cuts;
    }

    /// <summary>Counts one more row of <paramref name="bytes"/> bytes; a row larger than <see cref="MaxBatchBytes"/> is an <see cref="ArgumentOutOfRangeException"/>.</summary>
    public void Add(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, MaxBatchBytes);
        if (_starts.Count == 0 || _rowsInLast == _maxRows || _bytesInLast + bytes > MaxBatchBytes)
        {
            _starts.Add(Rows);
            _rowsInLast = 0;
            _bytesInLast = 0;
        }

        _rowsInLast++;
        _bytesInLast += bytes;
        Rows++;
    }

    /// <summary>The id (within the input) of the first row of batch <paramref name="batch"/>.</summary>
    public long StartOf(int batch) => _starts[batch];

    /// <summary>Rows in batch <paramref name="batch"/>.</summary>
    public int CountOf(int batch) => (int)((batch + 1 < _starts.Count ? _starts[batch + 1] : Rows) - _starts[batch]);
}
