using Similarity.Inference.OnnxRuntime;

namespace Similarity.Inference.Models.Transformer;

/// <summary>
/// Token embeddings [batch × sequence × hidden] read in place from the graph's output. Valid until disposed, which
/// hands the output buffers back for the next run.
/// </summary>
public readonly struct TokenEmbeddings : IDisposable
{
    private readonly OutputsPool _pool;
    private readonly OnnxOutputs _outputs;

    internal TokenEmbeddings(OutputsPool pool, OnnxOutputs outputs, int hiddenSize)
    {
        _pool = pool;
        _outputs = outputs;
        HiddenSize = hiddenSize;
    }

    public int HiddenSize { get; }

    public ReadOnlySpan<float> Values => _outputs.Floats(0);

    public void Dispose() => _pool?.Return(_outputs);
}
