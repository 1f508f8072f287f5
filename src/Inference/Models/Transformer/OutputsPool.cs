using System.Collections.Concurrent;
using Similarity.Inference.OnnxRuntime;

namespace Similarity.Inference.Models.Transformer;

/// <summary>Reusable <see cref="OnnxOutputs"/> for concurrent runs of one session: each run rents one and returns it.</summary>
internal sealed class OutputsPool(OnnxSession session, string outputName) : IDisposable
{
    private readonly ConcurrentBag<OnnxOutputs> _idle = [];

    public OnnxOutputs Rent() => _idle.TryTake(out var outputs) ? outputs : session.CreateOutputs(outputName);

    public void Return(OnnxOutputs outputs) => _idle.Add(outputs);

    public void Dispose()
    {
        while (_idle.TryTake(out var outputs))
        {
            outputs.Dispose();
        }
    }
}
