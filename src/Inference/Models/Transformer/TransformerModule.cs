using Similarity.Inference.Models.Folders;
using Similarity.Inference.OnnxRuntime;

namespace Similarity.Inference.Models.Transformer;

/// <summary>
/// sentence-transformers' Transformer module backed by an ONNX export: token ids in, token embeddings
/// [batch × sequence × hidden] out. Settings come from the module's <c>sentence_bert_config.json</c>.
/// </summary>
public sealed class TransformerModule : IDisposable
{
    private static readonly string[] EmbeddingOutputs = ["token_embeddings", "last_hidden_state"];
    private readonly TokenInputBinding _binding;
    private readonly OutputsPool _outputs;

    private TransformerModule(string folder, OnnxSession session, TokenInputBinding binding, string outputName, int hiddenSize, int maxSequenceLength, bool doLowerCase)
    {
        Folder = folder;
        Session = session;
        _binding = binding;
        OutputName = outputName;
        HiddenSize = hiddenSize;
        MaxSequenceLength = maxSequenceLength;
        DoLowerCase = doLowerCase;
        _outputs = new OutputsPool(session, outputName);
    }

    public string Folder { get; }

    public OnnxSession Session { get; }

    /// <summary>The graph's inputs, in the order it declares them.</summary>
    public IReadOnlyList<TokenInput> Inputs => _binding.Inputs;

    /// <summary>The output read as token embeddings (token_embeddings, last_hidden_state, or the only rank-3 output).</summary>
    public string OutputName { get; }

    /// <summary>Width of each token embedding; -1 when the graph leaves it symbolic.</summary>
    public int HiddenSize { get; }

    public int MaxSequenceLength { get; }

    /// <summary>Whether texts are lower-cased before tokenising (sentence_bert_config.json's do_lower_case).</summary>
    public bool DoLowerCase { get; }

    /// <summary>The module's tokenizer file: tokenizer.json, or vocab.txt in a folder without one.</summary>
    public string TokenizerPath => ModelFolder.TokenizerFile(Folder);

    public static TransformerModule Load(string folder, OnnxSessionOptions? options = null)
    {
        var settings = ConfigFile.ReadOptional(Path.Combine(folder, "sentence_bert_config.json"));
        var maxLength = settings?.OptionalInt("max_seq_length") ?? ModelFolder.ModelMaxLength(folder) ?? 512;
        if (maxLength <= 0)
        {
            throw new ModelConfigException(settings?.Path ?? folder, $"'{settings?.Path ?? folder}': max_seq_length must be positive, got {maxLength}.");
        }

        var session = OnnxSession.Open(ModelFolder.OnnxModel(folder), options);
        try
        {
            var binding = TokenInputBinding.For(session);
            var output = ChooseOutput(session);
            var hidden = output.Dimensions[2] is > 0 and <= int.MaxValue ? (int)output.Dimensions[2] : -1;
            return new TransformerModule(folder, session, binding, output.Name, hidden, maxLength, settings?.Bool("do_lower_case", false) ?? false);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs the graph on <paramref name="batch"/>; dispose the result to hand its buffers back for reuse.</summary>
    public TokenEmbeddings Run(TokenBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var outputs = _outputs.Rent();
        try
        {
            _binding.Run(Session, batch, outputs);
            var shape = outputs.Shape(0);
            if (shape.Rank != 3 || shape[0] != batch.Size || shape[1] != batch.SequenceLength)
            {
                throw new ModelShapeException(Session.ModelPath, $"'{Session.ModelPath}' returned {OutputName} of shape {shape} for a batch of {batch.Size}x{batch.SequenceLength}; expected [{batch.Size}, {batch.SequenceLength}, hidden].");
            }

            return new TokenEmbeddings(_outputs, outputs, (int)shape[2]);
        }
        catch
        {
            _outputs.Return(outputs);
            throw;
        }
    }

    public void Dispose()
    {
        _outputs.Dispose();
        Session.Dispose();
    }

    private static OnnxTensorInfo ChooseOutput(OnnxSession session) =>
        OutputSelection.Choose(session, EmbeddingOutputs, rank: 3)
            ?? throw new ModelConfigException(session.ModelPath, $"'{session.ModelPath}' has no token-embedding output (a Float [batch, sequence, hidden] tensor named token_embeddings or last_hidden_state); its outputs are {string.Join(", ", session.Outputs)}.");
}
