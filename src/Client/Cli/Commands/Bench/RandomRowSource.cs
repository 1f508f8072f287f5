using Similarity.Client.Corpora;
using Similarity.Grains.Contracts.Corpora.Ingest;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Cli.Commands.Bench;

/// <summary>Seeded random unit-length rows made batch by batch (batch k always the same): a large corpus without a large input file.</summary>
internal sealed class RandomRowSource(long rows, int dimension) : ICorpusSource
{
    public string Name => "random rows";

    public IngestContent Content => IngestContent.Embeddings;

    public int? Dimension => dimension;

    public BatchCuts Cuts { get; } = BatchCuts.Fixed(rows, CorpusSources.MaxBatchSize, dimension * sizeof(float));

    public ValueTask<SourceBatch> ReadBatchAsync(int batch, CancellationToken cancellationToken)
    {
        var count = Cuts.CountOf(batch);
        var random = new Random(batch);
        var values = new float[count * dimension];
        for (var i = 0; i < count; i++)
        {
            var row = values.AsSpan(i * dimension, dimension);
            float norm = 0;
            for (var j = 0; j < dimension; j++)
            {
                row[j] = random.NextSingle() - 0.5f;
                norm += row[j] * row[j];
            }

            var scale = 1 / MathF.Sqrt(norm);
            for (var j = 0; j < dimension; j++)
            {
                row[j] *= scale;
            }
        }

        return ValueTask.FromResult(new SourceBatch(null, new FloatMatrix(count, dimension, values)));
    }
}
