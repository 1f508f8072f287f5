using Similarity.Inference.Batching;
using Similarity.Inference.Models.Folders;

namespace Similarity.Inference.Models.Loading;

/// <summary>
/// An opened model folder: its pipeline, the tokenizer that feeds it, and the batcher serving it as an
/// <see cref="ISentenceEncoder"/> (bi-encoder) or an <see cref="IPairClassifier"/> (cross-encoder). Owns all three.
/// </summary>
public sealed class OpenedModel : IDisposable
{
    private readonly BatchedSentenceEncoder? _encoder;
    private readonly BatchedPairClassifier? _classifier;

    internal OpenedModel(string folder, ITokenBatchModel pipeline, ModelInputTokenizer tokenizer, BatchedSentenceEncoder? encoder, BatchedPairClassifier? classifier)
    {
        Folder = folder;
        Pipeline = pipeline;
        Tokenizer = tokenizer;
        _encoder = encoder;
        _classifier = classifier;
    }

    public string Folder { get; }

    /// <summary>The folder's last path segment, how reports name the model.</summary>
    public string Name => ModelFolder.DisplayName(Folder);

    public ModelFolderKind Kind => _encoder is not null ? ModelFolderKind.SentenceTransformer : ModelFolderKind.CrossEncoder;

    /// <summary>The model itself, for callers that batch on their own (benchmarks); safe for concurrent batches.</summary>
    public ITokenBatchModel Pipeline { get; }

    public ModelInputTokenizer Tokenizer { get; }

    /// <summary>The batched bi-encoder; <see cref="ModelKindException"/> for a cross-encoder folder.</summary>
    public BatchedSentenceEncoder Encoder => _encoder ?? throw new ModelKindException(Folder, Kind, ModelFolderKind.SentenceTransformer);

    /// <summary>The batched cross-encoder; <see cref="ModelKindException"/> for a bi-encoder folder.</summary>
    public BatchedPairClassifier Classifier => _classifier ?? throw new ModelKindException(Folder, Kind, ModelFolderKind.CrossEncoder);

    /// <summary>What the batcher has done so far.</summary>
    public BatchingStatistics Statistics => _encoder?.Statistics ?? _classifier!.Statistics;

    public void Dispose()
    {
        _encoder?.Dispose();
        _classifier?.Dispose();
        (Pipeline as IDisposable)?.Dispose();
    }
}
