using Similarity.Inference.Models.Pooling;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Models.Pooling;

public class TokenPoolingTests
{
    private const int Hidden = 32;

    [Theory]
    [InlineData(PoolingModes.Mean, "pooled")]
    [InlineData(PoolingModes.Cls, "extra_pooling.cls")]
    [InlineData(PoolingModes.Max, "extra_pooling.max")]
    [InlineData(PoolingModes.MeanSqrtLength, "extra_pooling.mean_sqrt_len")]
    public void Pools_pytorch_token_embeddings_like_sentence_transformers(PoolingModes mode, string expectedKey)
    {
        var reference = ModelReference.Load("bert-mean");
        var pooled = Pool(reference, mode);

        Assert.InRange(ReferenceTokens.MaxAbsDifference(pooled, reference.Rows(expectedKey)), 0, ModelReference.Tolerance);
    }

    [Fact]
    public void Combined_modes_are_concatenated_in_sentence_transformers_order()
    {
        var reference = ModelReference.Load("bert-mean");
        var pooled = Pool(reference, PoolingModes.Cls | PoolingModes.Max | PoolingModes.Mean | PoolingModes.MeanSqrtLength);
        var cls = reference.Rows("extra_pooling.cls");
        var max = reference.Rows("extra_pooling.max");
        var mean = reference.Rows("pooled");
        var sqrt = reference.Rows("extra_pooling.mean_sqrt_len");
        var expected = cls.Select((_, i) => cls[i].Concat(max[i]).Concat(mean[i]).Concat(sqrt[i]).ToArray()).ToArray();

        Assert.InRange(ReferenceTokens.MaxAbsDifference(pooled, expected), 0, ModelReference.Tolerance);
    }

    [Fact]
    public void Weighted_mean_weights_tokens_by_their_position()
    {
        // Two real tokens (weights 1 and 2) and one padded token.
        float[] tokens = [1, 10, 4, 40, 100, 1000];
        long[] mask = [1, 1, 0];

        var pooled = PoolSmall(PoolingModes.WeightedMean, tokens, mask, hidden: 2, sequence: 3);

        Assert.Equal([(1 + (2 * 4)) / 3f, (10 + (2 * 40)) / 3f], pooled);
    }

    [Fact]
    public void Last_token_takes_the_last_unmasked_position()
    {
        float[] tokens = [1, 2, 3, 4, 5, 6, 7, 8];
        long[] mask = [1, 1, 1, 0];

        Assert.Equal([5f, 6f], PoolSmall(PoolingModes.LastToken, tokens, mask, hidden: 2, sequence: 4));
    }

    [Fact]
    public void Last_token_of_a_fully_masked_row_is_zero()
    {
        float[] tokens = [1, 2, 3, 4];

        Assert.Equal([0f, 0f], PoolSmall(PoolingModes.LastToken, tokens, [0, 0], hidden: 2, sequence: 2));
    }

    [Fact]
    public void Excluding_the_prompt_masks_its_tokens_from_mean_but_not_from_cls()
    {
        float[] tokens = [1, 1, 3, 3, 5, 5];
        long[] mask = [1, 1, 1];
        var pooling = new TokenPooling(new PoolingConfig(2, PoolingModes.Cls | PoolingModes.Mean, IncludePrompt: false));
        var output = new float[4];

        pooling.Pool(tokens, mask, batchSize: 1, sequenceLength: 3, promptLength: 1, output);

        Assert.Equal([1f, 1f, 4f, 4f], output);
    }

    [Fact]
    public void Including_the_prompt_ignores_the_prompt_length()
    {
        float[] tokens = [1, 1, 3, 3, 5, 5];

        var pooling = new TokenPooling(new PoolingConfig(2, PoolingModes.Mean, IncludePrompt: true));
        var output = new float[2];
        pooling.Pool(tokens, [1, 1, 1], 1, 3, promptLength: 1, output);

        Assert.Equal([3f, 3f], output);
    }

    [Fact]
    public void Mismatched_embedding_size_is_rejected()
    {
        var pooling = new TokenPooling(new PoolingConfig(4, PoolingModes.Mean, true));

        var error = Assert.Throws<ArgumentException>(() => pooling.Pool(new float[6], [1, 1], 1, 2, 0, new float[4]));

        Assert.Contains("1x2x4", error.Message);
    }

    [Fact]
    public void Old_five_key_config_means_mean_pooling_and_includes_the_prompt()
    {
        var config = PoolingConfig.Read(SharedFolder.Model("bert-mean") + "/1_Pooling/config.json");

        Assert.Equal(new PoolingConfig(32, PoolingModes.Mean, IncludePrompt: true), config);
    }

    [Fact]
    public void New_config_reads_all_eight_keys()
    {
        using var folder = new ScratchFolder();
        folder.Write("config.json", """
            {"word_embedding_dimension": 8, "pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false,
             "pooling_mode_max_tokens": false, "pooling_mode_mean_sqrt_len_tokens": false,
             "pooling_mode_weightedmean_tokens": true, "pooling_mode_lasttoken": true, "include_prompt": false}
            """);

        var config = PoolingConfig.Read(folder.File("config.json"));

        Assert.Equal(PoolingModes.Cls | PoolingModes.WeightedMean | PoolingModes.LastToken, config.Modes);
        Assert.False(config.IncludePrompt);
        Assert.Equal(24, config.OutputDimension);
    }

    [Fact]
    public void Config_without_any_mode_is_rejected()
    {
        using var folder = new ScratchFolder();
        folder.Write("config.json", """{"word_embedding_dimension": 8, "pooling_mode_mean_tokens": false}""");

        var error = Assert.Throws<Similarity.Inference.Models.Folders.ModelConfigException>(() => PoolingConfig.Read(folder.File("config.json")));

        Assert.Contains("selects no pooling mode", error.Message);
    }

    private static float[] Pool(ModelReference reference, PoolingModes modes)
    {
        var pooling = new TokenPooling(new PoolingConfig(Hidden, modes, IncludePrompt: true));
        var output = new float[reference.BatchSize * pooling.OutputDimension];
        pooling.Pool(ReferenceTokens.PaddedTokenEmbeddings(reference, Hidden), ReferenceTokens.FlatMask(reference), reference.BatchSize, reference.SequenceLength, 0, output);
        return output;
    }

    private static float[] PoolSmall(PoolingModes modes, float[] tokens, long[] mask, int hidden, int sequence)
    {
        var pooling = new TokenPooling(new PoolingConfig(hidden, modes, IncludePrompt: true));
        var output = new float[pooling.OutputDimension];
        pooling.Pool(tokens, mask, 1, sequence, 0, output);
        return output;
    }
}
