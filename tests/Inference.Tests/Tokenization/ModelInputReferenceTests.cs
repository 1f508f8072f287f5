using System.Text.Json;
using Similarity.Inference.Tokenization;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Tokenization;

/// <summary>
/// The padded batches the model references were computed from (fixtures/reference/models): each model folder's
/// tokenizer, truncated to max_seq_length whatever the file says, padded to the longest with the pad id.
/// </summary>
public class ModelInputReferenceTests
{
    [Theory]
    [InlineData("bert-mean")]
    [InlineData("bert-dense-tanh")]
    [InlineData("mpnet-like-normalize")]
    [InlineData("multilingual-mean")]
    [InlineData("albert-cross-encoder")]
    public void The_model_folders_tokenizer_reproduces_the_reference_padded_batch(string model)
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(SharedFolder.Fixture("reference", "models", model + ".json")));
        var root = reference.RootElement;
        var tokenizer = Tokenizer.Load(SharedFolder.Model(model))
            .WithTruncation(new TruncationOptions(root.GetProperty("max_seq_length").GetInt32()))
            .WithPadding(new PaddingOptions(PadId: root.GetProperty("pad_token_id").GetInt32()));

        var batch = root.TryGetProperty("sentences", out var sentences)
            ? tokenizer.EncodeBatch(sentences.EnumerateArray().Select(s => s.GetString()!).ToList())
            : tokenizer.EncodePairBatch(root.GetProperty("pairs").EnumerateArray().Select(p => (p[0].GetString()!, p[1].GetString()!)).ToList());

        var padded = root.GetProperty("padded_batch");
        Assert.Equal(Rows(padded, "input_ids"), batch.Select(e => e.Ids));
        Assert.Equal(Rows(padded, "attention_mask"), batch.Select(e => e.AttentionMask));
        Assert.Equal(Rows(padded, "token_type_ids"), batch.Select(e => e.TypeIds));
        Assert.Equal(root.GetProperty("lengths").EnumerateArray().Select(l => l.GetInt32()), batch.Select(e => e.AttentionMask.Sum()));
    }

    private static IEnumerable<int[]> Rows(JsonElement batch, string name) =>
        batch.GetProperty(name).EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToList();
}
