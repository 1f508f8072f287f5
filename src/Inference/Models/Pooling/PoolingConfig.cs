using Similarity.Inference.Models.Folders;

namespace Similarity.Inference.Models.Pooling;

/// <summary>A Pooling module's <c>config.json</c>: the old 5-key form and the newer one with weightedmean, lasttoken and include_prompt.</summary>
public sealed record PoolingConfig(int WordEmbeddingDimension, PoolingModes Modes, bool IncludePrompt)
{
    /// <summary>How many modes are concatenated into the pooled vector.</summary>
    public int ModeCount => System.Numerics.BitOperations.PopCount((uint)Modes);

    public int OutputDimension => WordEmbeddingDimension * ModeCount;

    public static PoolingConfig Read(string path)
    {
        var file = ConfigFile.Read(path, "the Pooling module");
        var modes = PoolingModes.None;
        if (file.Bool("pooling_mode_cls_token", false))
        {
            modes |= PoolingModes.Cls;
        }

        if (file.Bool("pooling_mode_max_tokens", false))
        {
            modes |= PoolingModes.Max;
        }

        if (file.Bool("pooling_mode_mean_tokens", false))
        {
            modes |= PoolingModes.Mean;
        }

        if (file.Bool("pooling_mode_mean_sqrt_len_tokens", false))
        {
            modes |= PoolingModes.MeanSqrtLength;
        }

        if (file.Bool("pooling_mode_weightedmean_tokens", false))
        {
            modes |= PoolingModes.WeightedMean;
        }

        if (file.Bool("pooling_mode_lasttoken", false))
        {
            modes |= PoolingModes.LastToken;
        }

        if (modes == PoolingModes.None)
        {
            throw new ModelConfigException(path, $"'{path}' selects no pooling mode (every pooling_mode_* key is false or absent).");
        }

        var dimension = file.Int("word_embedding_dimension");
        if (dimension <= 0)
        {
            throw new ModelConfigException(path, $"'{path}': \"word_embedding_dimension\" must be positive, got {dimension}.");
        }

        return new PoolingConfig(dimension, modes, file.Bool("include_prompt", true));
    }
}
