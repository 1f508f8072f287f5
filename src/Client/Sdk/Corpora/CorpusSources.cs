namespace Similarity.Client.Corpora;

/// <summary>Batch sizes every <see cref="ICorpusSource"/> shares.</summary>
public static class CorpusSources
{
    /// <summary>Default rows per batch: enough texts for the encoder's batcher to sort and cut well, a modest stream message.</summary>
    public const int DefaultBatchSize = 512;

    /// <summary>Most rows per batch (an encoder request takes at most 2048 texts).</summary>
    public const int MaxBatchSize = 2048;

    /// <summary>A batch size is 1 to <see cref="MaxBatchSize"/>; anything else is an <see cref="ArgumentOutOfRangeException"/>.</summary>
    public static int CheckBatchSize(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, MaxBatchSize);
        return batchSize;
    }
}
