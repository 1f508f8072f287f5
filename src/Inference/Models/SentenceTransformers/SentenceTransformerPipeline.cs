using System.Buffers;
using Similarity.Inference.Models.Dense;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.Normalize;
using Similarity.Inference.Models.Pooling;
using Similarity.Inference.Models.Transformer;
using Similarity.Inference.OnnxRuntime;
using Similarity.Inference.Tensors;

namespace Similarity.Inference.Models.SentenceTransformers;

/// <summary>
/// A sentence-transformers bi-encoder folder as a pipeline: Transformer (ONNX) → Pooling → Dense* → Normalize?, in the
/// order <c>modules.json</c> lists them. Takes tokenised batches; safe for concurrent callers (one batch per caller).
/// </summary>
public sealed class SentenceTransformerPipeline : ITokenBatchModel, IDisposable
{
    private readonly SentenceStage[] _stages;
    private readonly int _denseCount;

    private SentenceTransformerPipeline(string folder, IReadOnlyList<ModuleEntry> modules, TransformerModule transformer, TokenPooling pooling, SentenceStage[] stages, long padTokenId)
    {
        Folder = folder;
        Modules = modules;
        Transformer = transformer;
        Pooling = pooling;
        _stages = stages;
        PadTokenId = padTokenId;
        Dimension = stages.Aggregate(pooling.OutputDimension, (width, stage) => stage.OutputDimension(width));
        _denseCount = stages.Count(s => s.Layer is not null);
        WidestStage = stages.Aggregate(pooling.OutputDimension, (widest, stage) => Math.Max(widest, stage.Layer?.OutputDimension ?? widest));
    }

    public string Folder { get; }

    public IReadOnlyList<ModuleEntry> Modules { get; }

    public TransformerModule Transformer { get; }

    public TokenPooling Pooling { get; }

    /// <summary>The Dense modules, in pipeline order.</summary>
    public IReadOnlyList<DenseLayer> DenseLayers => _stages.Where(s => s.Layer is not null).Select(s => s.Layer!).ToArray();

    /// <summary>Whether the pipeline ends by L2-normalising embeddings.</summary>
    public bool Normalizes => _stages.Any(s => s.Layer is null);

    /// <summary>Length of the final sentence embedding.</summary>
    public int Dimension { get; }

    public int OutputWidth => Dimension;

    public int MaxSequenceLength => Transformer.MaxSequenceLength;

    public long PadTokenId { get; }

    public bool DoLowerCase => Transformer.DoLowerCase;

    public string TokenizerPath => Transformer.TokenizerPath;

    private int WidestStage { get; }

    /// <summary>Loads <paramref name="folder"/> (which must contain modules.json); errors are <see cref="ModelFolderException"/>s naming the file at fault.</summary>
    public static SentenceTransformerPipeline Load(string folder, OnnxSessionOptions? options = null)
    {
        ModelFolder.RequireFolder(folder);
        if (!File.Exists(Path.Combine(folder, ModelFolder.ModulesFile)))
        {
            var hint = File.Exists(Path.Combine(folder, ModelFolder.ConfigFileName)) ? " (it has config.json: a cross-encoder folder loads with CrossEncoderPipeline)" : string.Empty;
            throw new NotAModelFolderException(folder, $"'{folder}' is not a sentence-transformers folder: it has no {ModelFolder.ModulesFile}{hint}.");
        }

        var modules = ModulesFile.Read(folder);
        var modulesPath = Path.Combine(folder, ModelFolder.ModulesFile);
        if (modules[0].Kind != "Transformer")
        {
            throw new ModelConfigException(modulesPath, $"'{modulesPath}': the first module must be a Transformer, got {modules[0].Type}.");
        }

        var transformerFolder = Path.Combine(folder, modules[0].Path);
        TokenPooling? pooling = null;
        var stages = new List<SentenceStage>();
        var width = 0;
        foreach (var module in modules.Skip(1))
        {
            var moduleFolder = Path.Combine(folder, module.Path);
            switch (module.Kind)
            {
                case "Pooling" when pooling is null:
                    pooling = new TokenPooling(PoolingConfig.Read(Path.Combine(moduleFolder, "config.json")));
                    width = pooling.OutputDimension;
                    break;
                case "Dense" when pooling is not null:
                    var denseConfigPath = Path.Combine(moduleFolder, "config.json");
                    var inFeatures = DenseConfig.Read(denseConfigPath).InFeatures;
                    if (inFeatures != width)
                    {
                        throw new ModelShapeException(denseConfigPath, $"'{denseConfigPath}': in_features is {inFeatures}, but the module before it produces {width} values.");
                    }

                    var dense = DenseLayer.Load(moduleFolder);
                    stages.Add(new SentenceStage(dense));
                    width = dense.OutputDimension;
                    break;
                case "Normalize" when pooling is not null:
                    stages.Add(new SentenceStage(null));
                    break;
                default:
                    throw new ModelConfigException(modulesPath, pooling is null && module.Kind is "Dense" or "Normalize"
                        ? $"'{modulesPath}': module {module.Name} ({module.Type}) comes before any Pooling module."
                        : $"'{modulesPath}': module {module.Name} ({module.Type}) is not supported here; the pipeline runs Transformer, one Pooling, then Dense and Normalize modules.");
            }
        }

        if (pooling is null)
        {
            throw new ModelConfigException(modulesPath, $"'{modulesPath}' has no Pooling module, so token embeddings would never become a sentence embedding.");
        }

        var transformer = TransformerModule.Load(transformerFolder, options);
        try
        {
            if (transformer.HiddenSize > 0 && transformer.HiddenSize != pooling.Config.WordEmbeddingDimension)
            {
                throw new ModelShapeException(transformer.Session.ModelPath, $"'{transformer.Session.ModelPath}' produces {transformer.HiddenSize}-wide token embeddings, but the Pooling config says word_embedding_dimension {pooling.Config.WordEmbeddingDimension}.");
            }

            return new SentenceTransformerPipeline(folder, modules, transformer, pooling, [.. stages], ModelFolder.PadTokenId(transformerFolder));
        }
        catch
        {
            transformer.Dispose();
            throw;
        }
    }

    /// <summary>Embeds every row of <paramref name="batch"/> into <paramref name="output"/> ([batch.Size × <see cref="Dimension"/>]).</summary>
    public void Run(TokenBatch batch, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var rows = batch.Size;
        if (output.Length < rows * Dimension)
        {
            throw new ArgumentException($"Output needs room for {rows}x{Dimension} values.", nameof(output));
        }

        if (rows == 0)
        {
            return;
        }

        // Only Dense layers change the width, so the module that writes the final width writes straight into output:
        // pooling itself when there is no Dense layer, else the last Dense layer (Normalize works in place).
        var denseLeft = _denseCount;
        var holding = denseLeft == 0 ? null : ArrayPool<float>.Shared.Rent(rows * WidestStage);
        var spare = denseLeft < 2 ? null : ArrayPool<float>.Shared.Rent(rows * WidestStage);
        try
        {
            var width = Pooling.OutputDimension;
            var current = holding is null ? output[..(rows * width)] : holding.AsSpan(0, rows * width);
            using (var tokens = Transformer.Run(batch))
            {
                if (tokens.HiddenSize != Pooling.Config.WordEmbeddingDimension)
                {
                    throw new ModelShapeException(Transformer.Session.ModelPath, $"'{Transformer.Session.ModelPath}' produced {tokens.HiddenSize}-wide token embeddings; the Pooling config says {Pooling.Config.WordEmbeddingDimension}.");
                }

                Pooling.Pool(tokens.Values, batch.AttentionMask, rows, batch.SequenceLength, batch.PromptLength, current);
            }

            foreach (var stage in _stages.AsSpan())
            {
                if (stage.Layer is { } dense)
                {
                    width = dense.OutputDimension;
                    var next = --denseLeft == 0 ? output[..(rows * width)] : spare.AsSpan(0, rows * width);
                    dense.Apply(current, next, rows);
                    (holding, spare) = (spare, holding);
                    current = next;
                }
                else
                {
                    L2Normalization.Apply(current, rows, width);
                }
            }
        }
        finally
        {
            if (holding is not null)
            {
                ArrayPool<float>.Shared.Return(holding);
            }

            if (spare is not null)
            {
                ArrayPool<float>.Shared.Return(spare);
            }
        }
    }

    /// <summary>Embeds <paramref name="batch"/> into a new matrix (one row per sequence).</summary>
    public EmbeddingMatrix Embed(TokenBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var matrix = new EmbeddingMatrix(batch.Size, Dimension);
        Run(batch, matrix.Data);
        return matrix;
    }

    public void Dispose() => Transformer.Dispose();

    /// <summary>A stage after pooling: a Dense layer, or L2 normalisation when <see cref="Layer"/> is null.</summary>
    private sealed record SentenceStage(DenseLayer? Layer)
    {
        public int OutputDimension(int input) => Layer?.OutputDimension ?? input;
    }
}
