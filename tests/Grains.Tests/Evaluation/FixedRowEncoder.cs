using System.Collections.Concurrent;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;
using Similarity.TestSupport;

namespace Similarity.Grains.Tests.Evaluation;

/// <summary>
/// Test double for <see cref="ISentenceEncoder"/>: maps each sentence to a fixed, precomputed embedding row (the fixture's
/// <c>sts_a.npy</c> row 17 is the sentence <c>"a17"</c>), so evaluator tests check metrics against the references computed
/// from the same rows. It records every batch it receives.
/// </summary>
internal sealed class FixedRowEncoder : ISentenceEncoder
{
    private readonly Dictionary<string, float[]> _rows;

    public FixedRowEncoder(Dictionary<string, float[]> rows, int dimension)
    {
        _rows = rows;
        Dimension = dimension;
    }

    public int Dimension { get; }

    public ConcurrentQueue<IReadOnlyList<string>> Batches { get; } = new();

    public IEnumerable<string> EncodedTexts => Batches.SelectMany(b => b);

    /// <summary>Sentences <c>"a{i}"</c> and <c>"b{i}"</c> for the rows of two fixture matrices.</summary>
    public static FixedRowEncoder FromFixture(string fileA, string fileB)
    {
        var a = NpyFormat.Read(SharedFolder.Fixture("metrics", fileA));
        var b = NpyFormat.Read(SharedFolder.Fixture("metrics", fileB));
        var rows = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < a.Rows; i++)
        {
            rows[$"a{i}"] = a.Row(i).ToArray();
            rows[$"b{i}"] = b.Row(i).ToArray();
        }

        return new FixedRowEncoder(rows, a.Columns);
    }

    public Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Batches.Enqueue(texts.ToArray());
        return Task.FromResult(EmbeddingMatrix.FromRows(texts.Select(t => _rows[t]).ToList()));
    }
}
