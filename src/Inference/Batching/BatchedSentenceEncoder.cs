using Similarity.Inference.Models;
using Similarity.Inference.Models.SentenceTransformers;
using Similarity.Inference.Tensors;

namespace Similarity.Inference.Batching;

/// <summary>
/// An <see cref="ISentenceEncoder"/> that merges concurrent callers' texts into token-budget batches run on dedicated
/// worker threads. Results come back in input order, one contiguous matrix per call. Does not own the pipeline.
/// </summary>
public sealed class BatchedSentenceEncoder : ISentenceEncoder, IDisposable
{
    private readonly BatchScheduler<string> _scheduler;

    /// <summary>Batches <paramref name="pipeline"/>; <paramref name="tokenizer"/> must truncate to its MaxSequenceLength and apply its do_lower_case.</summary>
    public BatchedSentenceEncoder(SentenceTransformerPipeline pipeline, ITokenEncoder tokenizer, BatchingOptions? options = null)
        : this(pipeline, Tokenization(tokenizer), options ?? new BatchingOptions())
    {
    }

    internal BatchedSentenceEncoder(ITokenBatchModel model, Func<string, EncodedText> tokenize, BatchingOptions options)
    {
        _scheduler = new BatchScheduler<string>(model, tokenize, options, nameof(BatchedSentenceEncoder));
    }

    public int Dimension => _scheduler.OutputWidth;

    /// <summary>What the encoder has done so far (requests, batches, padding efficiency).</summary>
    public BatchingStatistics Statistics => _scheduler.Statistics;

    /// <summary>
    /// Embeds <paramref name="texts"/>. Throws (in the task) <see cref="EncoderOverloadedException"/> at once when the queue
    /// is full; cancelling drops this caller's texts that have not started.
    /// </summary>
    public Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is null)
            {
                throw new ArgumentException($"Text {i} is null.", nameof(texts));
            }
        }

        return _scheduler.SubmitAsync(texts, cancellationToken);
    }

    public void Dispose() => _scheduler.Dispose();

    private static Func<string, EncodedText> Tokenization(ITokenEncoder tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        return tokenizer.Encode;
    }
}
