using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Kernels;

/// <summary>
/// Unit vectors shaped like sentence embeddings: a direction all rows share (embeddings are anisotropic), topics that
/// groups of rows lean towards, and some near-paraphrases of earlier rows; seeded, so every run sees the same rows.
/// </summary>
public static class SentenceLikeEmbeddings
{
    public static EmbeddingMatrix Create(int rows, int dimensions, int seed)
    {
        var random = new Random(seed);
        var shared = Gaussian(random, dimensions);
        var topics = Enumerable.Range(0, Math.Max(1, rows / 20)).Select(_ => Gaussian(random, dimensions)).ToArray();
        var matrix = new EmbeddingMatrix(rows, dimensions);
        for (var i = 0; i < rows; i++)
        {
            var row = matrix.Row(i);
            var paraphrase = i > 0 && random.NextDouble() < 0.2 ? matrix.Row(random.Next(i)).ToArray() : null;
            var topic = topics[random.Next(topics.Length)];
            for (var k = 0; k < dimensions; k++)
            {
                var noise = NextGaussian(random);
                row[k] = paraphrase is not null
                    ? (float)(paraphrase[k] + 0.02 * noise)
                    : (float)(0.5 * shared[k] + 0.8 * topic[k] + 0.6 * noise);
            }

            var norm = Math.Sqrt(row.ToArray().Sum(x => (double)x * x));
            for (var k = 0; k < dimensions; k++)
            {
                row[k] = (float)(row[k] / norm);
            }
        }

        return matrix;
    }

    private static double[] Gaussian(Random random, int dimensions) => Enumerable.Range(0, dimensions).Select(_ => NextGaussian(random)).ToArray();

    private static double NextGaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
