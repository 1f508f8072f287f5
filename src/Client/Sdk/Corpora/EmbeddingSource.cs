using Similarity.Grains.Contracts.Corpora.Ingest;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Client.Corpora;

/// <summary>Embeddings in memory as an add's input; a NaN or infinite value is refused up front, naming its row.</summary>
public sealed class EmbeddingSource : ICorpusSource
{
    private readonly FloatMatrix _rows;

    public EmbeddingSource(FloatMatrix rows, int batchSize = CorpusSources.DefaultBatchSize, string name = "embeddings")
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Columns == 0)
        {
            throw new ArgumentException($"{name}: rows have no values", nameof(rows));
        }

        var values = rows.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"{name}: row {i / rows.Columns} has a NaN or infinite value (column {i % rows.Columns})", nameof(rows));
            }
        }

        _rows = rows;
        Cuts = BatchCuts.Fixed(rows.Rows, batchSize, rows.Columns * sizeof(float));
        Name = name;
    }

    public string Name { get; }

    public IngestContent Content => IngestContent.Embeddings;

    public int? Dimension => _rows.Columns;

    public BatchCuts Cuts { get; }

    public ValueTask<SourceBatch> ReadBatchAsync(int batch, CancellationToken cancellationToken)
    {
        var count = Cuts.CountOf(batch);
        var values = _rows.Values.AsSpan((int)Cuts.StartOf(batch) * _rows.Columns, count * _rows.Columns).ToArray();
        return ValueTask.FromResult(new SourceBatch(null, new FloatMatrix(count, _rows.Columns, values)));
    }
}
