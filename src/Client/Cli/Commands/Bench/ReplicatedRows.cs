using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Bench;

/// <summary>
/// A bench corpus of any size from real embeddings: the first rows when fewer are asked for; more are copies of the
/// real rows (in order, round after round) plus seeded gaussian noise, renormalised to unit length, so a large corpus
/// keeps the real rows' neighbourhoods without being exact duplicates. Float16 corpora get their rows rounded as a
/// float16 shard stores and widens them, so the in-process code sees the values the shards score.
/// </summary>
internal static class ReplicatedRows
{
    public static EmbeddingMatrix Make(EmbeddingMatrix real, int rows, double noise, int seed)
    {
        var d = real.Columns;
        var values = new float[checked(rows * d)];
        var copied = Math.Min(rows, real.Rows);
        real.Buffer.AsSpan(0, copied * d).CopyTo(values);
        var random = new Random(seed);
        for (var row = copied; row < rows; row++)
        {
            var source = real.Buffer.AsSpan(row % real.Rows * d, d);
            var target = values.AsSpan(row * d, d);
            double norm = 0;
            for (var j = 0; j < d; j++)
            {
                target[j] = (float)(source[j] + noise * Gaussian(random));
                norm += (double)target[j] * target[j];
            }

            var scale = norm > 0 ? 1 / Math.Sqrt(norm) : 1;
            for (var j = 0; j < d; j++)
            {
                target[j] = (float)(target[j] * scale);
            }
        }

        return new EmbeddingMatrix(rows, d, values);
    }

    /// <summary>The rows as a float16 corpus holds them: each value rounded to the nearest half, widened back.</summary>
    public static EmbeddingMatrix AsFloat16(EmbeddingMatrix rows)
    {
        var values = new float[rows.Buffer.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(Half)rows.Buffer[i];
        }

        return new EmbeddingMatrix(rows.Rows, rows.Columns, values);
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
