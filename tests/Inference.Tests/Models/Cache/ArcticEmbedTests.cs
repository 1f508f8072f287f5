using Similarity.Inference.Models;
using Similarity.Inference.Models.Cache;
using Similarity.Inference.Models.Loading;
using Similarity.Inference.Models.SentenceTransformers;

namespace Similarity.Inference.Tests.Models.Cache;

/// <summary>
/// snowflake-arctic-embed-xs from its package encodes as the package's own encoder does: the first ([CLS]) token of
/// last_hidden_state, L2-normalised. The reference is computed here from the graph's token embeddings, so a folder
/// configured for mean pooling (all-MiniLM-L6-v2's) would fail.
/// </summary>
public class ArcticEmbedTests
{
    private static readonly Lazy<string> Folder = new(() => ModelCache.Default.Fetch("snowflake-arctic-embed-xs"));

    [Fact]
    public async Task Embeddings_are_the_normalised_cls_token_of_the_graph()
    {
        string[] texts = ["What is the capital of France?", "Paris is the capital and largest city of France.", "A man is playing a guitar."];
        using var model = ModelLoader.Open(Folder.Value);
        var pipeline = Assert.IsType<SentenceTransformerPipeline>(model.Pipeline);

        var embeddings = await model.Encoder.EncodeAsync(texts);

        Assert.Equal(512, model.Tokenizer.MaxLength);
        for (var row = 0; row < texts.Length; row++)
        {
            var encoded = model.Tokenizer.Encode(texts[row]);
            var batch = new TokenBatch();
            batch.Reset(1, encoded.Length, pipeline.PadTokenId);
            batch.SetRow(0, encoded.Ids, encoded.TypeIds);
            using var tokens = pipeline.Transformer.Run(batch);
            var cls = tokens.Values[..tokens.HiddenSize].ToArray();
            var norm = Math.Sqrt(cls.Sum(v => (double)v * v));

            for (var i = 0; i < cls.Length; i++)
            {
                Assert.Equal(cls[i] / norm, embeddings[row, i], 5);
            }
        }
    }
}
