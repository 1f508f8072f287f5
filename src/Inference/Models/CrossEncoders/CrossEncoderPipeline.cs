using System.Text.Json;
using Similarity.Inference.Models.Dense;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.Transformer;
using Similarity.Inference.OnnxRuntime;
using Similarity.Inference.Tensors;

namespace Similarity.Inference.Models.CrossEncoders;

/// <summary>
/// A cross-encoder folder (Hugging Face sequence-classification layout exported to ONNX): token pairs in, label
/// probabilities out. Safe for concurrent callers (one batch per caller).
/// </summary>
public sealed class CrossEncoderPipeline : ITokenBatchModel, IDisposable
{
    private static readonly string[] LogitOutputs = ["logits"];
    private readonly TokenInputBinding _binding;
    private readonly OutputsPool _outputs;

    private CrossEncoderPipeline(string folder, OnnxSession session, TokenInputBinding binding, string outputName, IReadOnlyList<string> labels, LabelScoring scoring, int maxLength, long padTokenId)
    {
        Folder = folder;
        Session = session;
        _binding = binding;
        OutputName = outputName;
        Labels = labels;
        Scoring = scoring;
        MaxSequenceLength = maxLength;
        PadTokenId = padTokenId;
        _outputs = new OutputsPool(session, outputName);
    }

    public string Folder { get; }

    public OnnxSession Session { get; }

    public string OutputName { get; }

    /// <summary>Label names by id (from id2label, else LABEL_0, LABEL_1, ...).</summary>
    public IReadOnlyList<string> Labels { get; }

    public int LabelCount => Labels.Count;

    public LabelScoring Scoring { get; }

    public int OutputWidth => LabelCount;

    public int MaxSequenceLength { get; }

    public long PadTokenId { get; }

    public string TokenizerPath => ModelFolder.TokenizerFile(Folder);

    public static CrossEncoderPipeline Load(string folder, OnnxSessionOptions? options = null)
    {
        ModelFolder.RequireFolder(folder);
        var configPath = Path.Combine(folder, ModelFolder.ConfigFileName);
        if (!File.Exists(configPath))
        {
            throw new NotAModelFolderException(folder, $"'{folder}' is not a cross-encoder folder: it has no {ModelFolder.ConfigFileName}.");
        }

        var config = ConfigFile.Read(configPath, "the cross-encoder");
        if (!ModelFolder.IsClassifierConfig(config))
        {
            throw new NotAModelFolderException(folder, $"'{folder}' is not a cross-encoder folder: {configPath} declares no labels (id2label or num_labels).");
        }

        var labels = ReadLabels(config);
        var scoring = LabelScoring.Resolve(labels.Count, ReadActivation(config));
        var maxLength = ModelFolder.ModelMaxLength(folder) ?? 512;
        var session = OnnxSession.Open(ModelFolder.OnnxModel(folder), options);
        try
        {
            var binding = TokenInputBinding.For(session);
            var output = ChooseOutput(session);
            if (output.Dimensions[1] > 0 && output.Dimensions[1] != labels.Count)
            {
                throw new ModelShapeException(session.ModelPath, $"'{session.ModelPath}' outputs {output.Dimensions[1]} logits per pair, but {configPath} declares {labels.Count} labels.");
            }

            return new CrossEncoderPipeline(folder, session, binding, output.Name, labels, scoring, maxLength, ModelFolder.PadTokenId(folder));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Writes [batch.Size × <see cref="LabelCount"/>] probabilities (see <see cref="Scoring"/>) into <paramref name="output"/>.</summary>
    public void Run(TokenBatch batch, Span<float> output)
    {
        WriteLogits(batch, output);
        Scoring.Apply(output, batch.Size, LabelCount);
    }

    /// <summary>The raw logits, one row per pair.</summary>
    public EmbeddingMatrix Logits(TokenBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var matrix = new EmbeddingMatrix(batch.Size, LabelCount);
        WriteLogits(batch, matrix.Data);
        return matrix;
    }

    /// <summary>Probabilities, one row per pair.</summary>
    public EmbeddingMatrix Predict(TokenBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var matrix = new EmbeddingMatrix(batch.Size, LabelCount);
        Run(batch, matrix.Data);
        return matrix;
    }

    public void Dispose()
    {
        _outputs.Dispose();
        Session.Dispose();
    }

    private void WriteLogits(TokenBatch batch, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (output.Length < batch.Size * LabelCount)
        {
            throw new ArgumentException($"Output needs room for {batch.Size}x{LabelCount} values.", nameof(output));
        }

        if (batch.Size == 0)
        {
            return;
        }

        var outputs = _outputs.Rent();
        try
        {
            _binding.Run(Session, batch, outputs);
            var shape = outputs.Shape(0);
            if (shape.Rank != 2 || shape[0] != batch.Size || shape[1] != LabelCount)
            {
                throw new ModelShapeException(Session.ModelPath, $"'{Session.ModelPath}' returned {OutputName} of shape {shape}; expected [{batch.Size}, {LabelCount}].");
            }

            outputs.Floats(0).CopyTo(output);
        }
        finally
        {
            _outputs.Return(outputs);
        }
    }

    private static List<string> ReadLabels(ConfigFile config)
    {
        var labels = new List<string>();
        if (config.Has("id2label"))
        {
            var map = config.Root.GetProperty("id2label");
            if (map.ValueKind != JsonValueKind.Object)
            {
                throw config.Invalid("id2label", "an object of id → label", map);
            }

            var byId = new SortedDictionary<int, string>();
            foreach (var entry in map.EnumerateObject())
            {
                if (!int.TryParse(entry.Name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id < 0)
                {
                    throw new ModelConfigException(config.Path, $"'{config.Path}': id2label key \"{entry.Name}\" is not a label id.");
                }

                byId[id] = entry.Value.ToString();
            }

            if (byId.Count > 0 && byId.Keys.Last() != byId.Count - 1)
            {
                throw new ModelConfigException(config.Path, $"'{config.Path}': id2label ids must be 0..{byId.Count - 1}, got {string.Join(", ", byId.Keys)}.");
            }

            labels.AddRange(byId.Values);
        }

        var count = config.OptionalInt("num_labels");
        if (count is { } n && labels.Count > 0 && n != labels.Count)
        {
            throw new ModelConfigException(config.Path, $"'{config.Path}': num_labels is {n} but id2label has {labels.Count} entries.");
        }

        if (labels.Count == 0)
        {
            for (var i = 0; i < (count ?? 1); i++)
            {
                labels.Add($"LABEL_{i}");
            }
        }

        if (labels.Count == 0)
        {
            throw new ModelConfigException(config.Path, $"'{config.Path}' declares no labels.");
        }

        return labels;
    }

    private static Activation? ReadActivation(ConfigFile config)
    {
        if (!config.Has("sentence_transformers"))
        {
            return null;
        }

        var settings = config.Root.GetProperty("sentence_transformers");
        if (settings.ValueKind != JsonValueKind.Object || !settings.TryGetProperty("activation_fn", out var name) || name.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return ActivationFunction.Parse(name.GetString()!)
            ?? throw new ModelConfigException(config.Path, $"'{config.Path}': sentence_transformers.activation_fn '{name.GetString()}' is not supported (known: {string.Join(", ", Enum.GetNames<Activation>())}).");
    }

    private static OnnxTensorInfo ChooseOutput(OnnxSession session) =>
        OutputSelection.Choose(session, LogitOutputs, rank: 2)
            ?? throw new ModelConfigException(session.ModelPath, $"'{session.ModelPath}' has no logits output (a Float [batch, labels] tensor); its outputs are {string.Join(", ", session.Outputs)}.");
}
