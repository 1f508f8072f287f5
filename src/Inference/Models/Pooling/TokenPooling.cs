using System.Buffers;
using System.Numerics.Tensors;

namespace Similarity.Inference.Models.Pooling;

/// <summary>
/// Turns token embeddings [batch × sequence × hidden] into one vector per row the way sentence-transformers' Pooling does:
/// the selected modes in the order cls, max, mean, mean_sqrt_len, weightedmean, lasttoken, concatenated.
/// </summary>
public sealed class TokenPooling
{
    private const float MaskedValue = -1e9f;
    private const double MinimumWeight = 1e-9;
    private const int StackSums = 2048;

    public TokenPooling(PoolingConfig config)
    {
        Config = config ?? throw new ArgumentNullException(nameof(config));
    }

    public PoolingConfig Config { get; }

    public int OutputDimension => Config.OutputDimension;

    /// <summary>
    /// Pools <paramref name="batchSize"/> rows; <paramref name="output"/> receives [batch × <see cref="OutputDimension"/>].
    /// With include_prompt false the first <paramref name="promptLength"/> tokens of each row are treated as masked.
    /// </summary>
    public void Pool(ReadOnlySpan<float> tokenEmbeddings, ReadOnlySpan<long> attentionMask, int batchSize, int sequenceLength, int promptLength, Span<float> output)
    {
        var hidden = Config.WordEmbeddingDimension;
        if (tokenEmbeddings.Length != batchSize * sequenceLength * hidden)
        {
            throw new ArgumentException($"Expected {batchSize}x{sequenceLength}x{hidden} token embeddings, got {tokenEmbeddings.Length} values.", nameof(tokenEmbeddings));
        }

        if (attentionMask.Length != batchSize * sequenceLength)
        {
            throw new ArgumentException($"Expected a {batchSize}x{sequenceLength} attention mask, got {attentionMask.Length} values.", nameof(attentionMask));
        }

        if (output.Length < batchSize * OutputDimension)
        {
            throw new ArgumentException($"Output needs room for {batchSize}x{OutputDimension} values.", nameof(output));
        }

        var skip = Config.IncludePrompt ? 0 : Math.Clamp(promptLength, 0, sequenceLength);
        for (var row = 0; row < batchSize; row++)
        {
            var tokens = tokenEmbeddings.Slice(row * sequenceLength * hidden, sequenceLength * hidden);
            var mask = attentionMask.Slice(row * sequenceLength, sequenceLength);
            var destination = output.Slice(row * OutputDimension, OutputDimension);
            PoolRow(tokens, mask, sequenceLength, hidden, skip, destination);
        }
    }

    private void PoolRow(ReadOnlySpan<float> tokens, ReadOnlySpan<long> mask, int sequenceLength, int hidden, int skip, Span<float> destination)
    {
        // Sums are kept in double: a 512-token sum in float32 drifts by ~1e-5, visible against PyTorch references.
        var rented = hidden > StackSums ? ArrayPool<double>.Shared.Rent(hidden) : null;
        try
        {
            PoolRow(tokens, mask, sequenceLength, hidden, skip, destination, rented is null ? stackalloc double[hidden] : rented.AsSpan(0, hidden));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Adds up the real tokens' embeddings into <paramref name="sums"/>, weighted by mask (and position); returns the total weight.</summary>
    private static double WeightedSum(ReadOnlySpan<float> tokens, ReadOnlySpan<long> mask, int sequenceLength, int hidden, int skip, bool byPosition, Span<double> sums)
    {
        sums.Clear();
        double total = 0;
        for (var t = skip; t < sequenceLength; t++)
        {
            if (mask[t] == 0)
            {
                continue;
            }

            double weight = byPosition ? (double)mask[t] * (t + 1) : mask[t];
            var token = tokens.Slice(t * hidden, hidden);
            for (var i = 0; i < hidden; i++)
            {
                sums[i] += token[i] * weight;
            }

            total += weight;
        }

        return total;
    }

    private void PoolRow(ReadOnlySpan<float> tokens, ReadOnlySpan<long> mask, int sequenceLength, int hidden, int skip, Span<float> destination, Span<double> sums)
    {
        var modes = Config.Modes;
        var slot = 0;

        if ((modes & PoolingModes.Cls) != 0)
        {
            tokens[..hidden].CopyTo(destination.Slice(slot++ * hidden, hidden));
        }

        if ((modes & PoolingModes.Max) != 0)
        {
            var max = destination.Slice(slot++ * hidden, hidden);
            max.Fill(MaskedValue);
            for (var t = skip; t < sequenceLength; t++)
            {
                if (mask[t] != 0)
                {
                    TensorPrimitives.Max(max, tokens.Slice(t * hidden, hidden), max);
                }
            }
        }

        if ((modes & (PoolingModes.Mean | PoolingModes.MeanSqrtLength)) != 0)
        {
            var count = WeightedSum(tokens, mask, sequenceLength, hidden, skip, byPosition: false, sums);
            var mean = (modes & PoolingModes.Mean) != 0 ? destination.Slice(slot++ * hidden, hidden) : default;
            var sqrt = (modes & PoolingModes.MeanSqrtLength) != 0 ? destination.Slice(slot++ * hidden, hidden) : default;
            count = Math.Max(count, MinimumWeight);
            for (var i = 0; i < hidden; i++)
            {
                if (!mean.IsEmpty)
                {
                    mean[i] = (float)(sums[i] / count);
                }

                if (!sqrt.IsEmpty)
                {
                    sqrt[i] = (float)(sums[i] / Math.Sqrt(count));
                }
            }
        }

        if ((modes & PoolingModes.WeightedMean) != 0)
        {
            var weights = Math.Max(WeightedSum(tokens, mask, sequenceLength, hidden, skip, byPosition: true, sums), MinimumWeight);
            var weighted = destination.Slice(slot++ * hidden, hidden);
            for (var i = 0; i < hidden; i++)
            {
                weighted[i] = (float)(sums[i] / weights);
            }
        }

        if ((modes & PoolingModes.LastToken) != 0)
        {
            var last = destination.Slice(slot++ * hidden, hidden);
            var position = -1;
            for (var t = sequenceLength - 1; t >= skip; t--)
            {
                if (mask[t] != 0)
                {
                    position = t;
                    break;
                }
            }

            if (position < 0)
            {
                last.Clear();
            }
            else
            {
                TensorPrimitives.Multiply(tokens.Slice(position * hidden, hidden), mask[position], last);
            }
        }
    }
}
