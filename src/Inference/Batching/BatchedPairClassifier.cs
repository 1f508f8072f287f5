using Similarity.Inference.Models;
using Similarity.Inference.Models.CrossEncoders;
using Similarity.Inference.Tensors;

namespace Similarity.Inference.Batching;

/// <summary>
/// An <see cref="IPairClassifier"/> that merges concurrent callers' pairs into token-budget batches run on dedicated
/// worker threads; one row of label probabilities per pair, in input order. Does not own the pipeline.
/// </summary>
public sealed class BatchedPairClassifier : IPairClassifier, IDisposable
{
    private readonly BatchScheduler<TextPair> _scheduler;

    /// <summary>Batches <paramref name="pipeline"/>; <paramref name="tokenizer"/> must truncate pairs to its MaxSequenceLength.</summary>
    public BatchedPairClassifier(CrossEncoderPipeline pipeline, ITokenEncoder tokenizer, BatchingOptions? options = null)
        : this(pipeline, Tokenization(tokenizer), options ?? new BatchingOptions())
    {
    }

    internal BatchedPairClassifier(ITokenBatchModel model, Func<TextPair, EncodedText> tokenize, BatchingOptions options)
    {
        _scheduler = new BatchScheduler<TextPair>(model, tokenize, options, nameof(BatchedPairClassifier));
    }

    public int LabelCount => _scheduler.OutputWidth;

    /// <summary>What the classifier has done so far (requests, batches, padding efficiency).</summary>
    public BatchingStatistics Statistics => _scheduler.Statistics;

    public Task<EmbeddingMatrix> PredictAsync(IReadOnlyList<TextPair> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].First is null || pairs[i].Second is null)
            {
                throw new ArgumentException($"Pair {i} has a null text.", nameof(pairs));
            }
        }

        return _scheduler.SubmitAsync(pairs, cancellationToken);
    }

    public void Dispose() => _scheduler.Dispose();

    private static Func<TextPair, EncodedText> Tokenization(ITokenEncoder tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        return pair => tokenizer.EncodePair(pair.First, pair.Second);
    }
}
