using System.Runtime.Intrinsics;
using Similarity.Grains.Clustering;
using Similarity.Grains.Kernels;
using Similarity.Grains.Search;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Kernels.InstructionSets;

/// <summary>
/// Every result the kernels give on a fixed set of inputs, as bytes: all-pairs scores of each function (edge tiles
/// included), float16 rows, search hits, mined pairs and communities. Two processes that run the same code must write
/// the same bytes, whatever vector width their runtime lets the kernels use.
/// </summary>
public static class KernelTranscript
{
    /// <summary>The vector widths this process accelerates, e.g. <c>512=False 256=True 128=True</c>.</summary>
    public static string InstructionSets =>
        $"512={Vector512.IsHardwareAccelerated} 256={Vector256.IsHardwareAccelerated} 128={Vector128.IsHardwareAccelerated}";

    public static byte[] Record()
    {
        var corpus = MetricsFixture.Matrix("corpus.npy");
        var queries = MetricsFixture.Matrix("queries.npy");
        var odd = SentenceLikeEmbeddings.Create(rows: 37, dimensions: 29, seed: 5);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            foreach (var function in SimilarityFunctionNames.All)
            {
                Write(writer, AllPairsScores.Compute(function, queries, corpus).Data);
                Write(writer, AllPairsScores.Compute(function, odd, odd, new KernelOptions { CorpusBlockRows = 7, QueryPanelRows = 5 }).Data);
                foreach (var hits in SemanticSearch.TopK(queries, corpus, 7, function))
                {
                    foreach (var hit in hits)
                    {
                        writer.Write(hit.CorpusId);
                        writer.Write(hit.Score);
                    }
                }
            }

            var halves = corpus.Data.ToArray().Select(x => (Half)x).ToArray();
            var halfScores = new float[queries.Rows * corpus.Rows];
            AllPairsScores.Compute(SimilarityFunction.Cosine, queries.Data, halves, corpus.Columns, halfScores);
            Write(writer, halfScores);

            foreach (var pair in ParaphraseMiner.Mine(corpus, topK: 5, maxPairs: 200))
            {
                writer.Write(pair.First);
                writer.Write(pair.Second);
                writer.Write(pair.Score);
            }

            foreach (var community in CommunityDetector.Detect(corpus, threshold: 0.5, minCommunitySize: 3))
            {
                writer.Write(community.Members.Count);
                foreach (var member in community.Members)
                {
                    writer.Write(member);
                }
            }
        }

        return buffer.ToArray();
    }

    private static void Write(BinaryWriter writer, ReadOnlySpan<float> values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }
}
