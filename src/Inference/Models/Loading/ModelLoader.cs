using Similarity.Inference.Batching;
using Similarity.Inference.Models.Cache;
using Similarity.Inference.Models.CrossEncoders;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.SentenceTransformers;

namespace Similarity.Inference.Models.Loading;

/// <summary>
/// The one call that turns a model folder into something that serves texts: it tells a sentence-transformers bi-encoder
/// (modules.json) from a cross-encoder (config.json with labels), loads the pipeline with the batching options' ONNX
/// threads, builds the tokenizer the way sentence-transformers configures it, and starts the batcher.
/// </summary>
public static class ModelLoader
{
    /// <summary>
    /// Opens <paramref name="folder"/> (a model folder, or the name of a model in the <see cref="ModelCache"/>); with
    /// <paramref name="expected"/> a folder of the other kind fails with <see cref="ModelKindException"/> before anything
    /// heavy is loaded. Folder problems are <see cref="ModelFolderException"/>s, tokenizer problems
    /// <see cref="Tokenization.TokenizerFormatException"/>s, each naming the file.
    /// </summary>
    public static OpenedModel Open(string folder, BatchingOptions? options = null, ModelFolderKind? expected = null)
    {
        options ??= new BatchingOptions();
        options.Validate();
        folder = ModelCache.Default.Resolve(folder);
        var kind = DetectKind(folder, expected);
        return kind == ModelFolderKind.SentenceTransformer ? OpenBiEncoder(folder, options) : OpenCrossEncoder(folder, options);
    }

    /// <summary>What <paramref name="folder"/> (a folder or a cached model's name) holds; with <paramref name="expected"/>, the other kind is a <see cref="ModelKindException"/>.</summary>
    public static ModelFolderKind DetectKind(string folder, ModelFolderKind? expected)
    {
        folder = ModelCache.Default.Resolve(folder);
        var kind = ModelFolder.Detect(folder);
        if (expected is { } wanted && wanted != kind)
        {
            throw new ModelKindException(folder, kind, wanted);
        }

        return kind;
    }

    private static OpenedModel OpenBiEncoder(string folder, BatchingOptions options)
    {
        var pipeline = SentenceTransformerPipeline.Load(folder, options.SessionOptions());
        try
        {
            var tokenizer = ModelInputTokenizer.For(pipeline);
            var encoder = new BatchedSentenceEncoder(pipeline, tokenizer, options);
            return new OpenedModel(folder, pipeline, tokenizer, encoder, null);
        }
        catch
        {
            pipeline.Dispose();
            throw;
        }
    }

    private static OpenedModel OpenCrossEncoder(string folder, BatchingOptions options)
    {
        var pipeline = CrossEncoderPipeline.Load(folder, options.SessionOptions());
        try
        {
            var tokenizer = ModelInputTokenizer.For(pipeline);
            var classifier = new BatchedPairClassifier(pipeline, tokenizer, options);
            return new OpenedModel(folder, pipeline, tokenizer, null, classifier);
        }
        catch
        {
            pipeline.Dispose();
            throw;
        }
    }
}
