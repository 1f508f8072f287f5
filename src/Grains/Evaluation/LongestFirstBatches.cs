using System.Numerics.Tensors;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Evaluation;

/// <summary>
/// Runs an evaluation's distinct inputs through its model in batches, longest first: each batch holds inputs of similar
/// length (less padding), and the most memory-hungry batch runs first. The rows come back in input order, their shape
/// and values checked.
/// </summary>
internal static class LongestFirstBatches
{
    /// <summary>One row of <paramref name="columns"/> values per input; an unusable output is a <see cref="ModelOutputException"/>.</summary>
    public static async Task<EmbeddingMatrix> RunAsync<TInput>(
        IReadOnlyList<TInput> inputs,
        Func<TInput, int> length,
        int batchSize,
        int columns,
        Func<IReadOnlyList<TInput>, CancellationToken, Task<EmbeddingMatrix>> model,
        ModelOutputWording<TInput> wording,
        IProgress<EvaluationProgress>? progress,
        CancellationToken cancellationToken)
    {
        var order = Enumerable.Range(0, inputs.Count).OrderByDescending(i => length(inputs[i])).ToArray();
        var rows = new EmbeddingMatrix(inputs.Count, columns);
        var batch = new List<TInput>(Math.Min(batchSize, inputs.Count));
        progress?.Report(new EvaluationProgress(0, inputs.Count));
        for (var start = 0; start < order.Length; start += batchSize)
        {
            var count = Math.Min(batchSize, order.Length - start);
            batch.Clear();
            for (var k = 0; k < count; k++)
            {
                batch.Add(inputs[order[start + k]]);
            }

            var output = await model(batch, cancellationToken).ConfigureAwait(false);
            if (output.Rows != count || output.Columns != columns)
            {
                throw new ModelOutputException(
                    $"The {wording.Model} returned a {output.Rows}x{output.Columns} matrix for {count} {wording.Inputs}; expected {count}x{columns}.");
            }

            for (var k = 0; k < count; k++)
            {
                var row = output.Row(k);
                if (!TensorPrimitives.IsFiniteAll(row))
                {
                    throw new ModelOutputException($"The {wording.Model} returned NaN or infinity {wording.Locate(batch[k])}.");
                }

                row.CopyTo(rows.Row(order[start + k]));
            }

            progress?.Report(new EvaluationProgress(start + count, inputs.Count));
        }

        return rows;
    }
}
