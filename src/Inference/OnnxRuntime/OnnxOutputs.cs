using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Similarity.Inference.OnnxRuntime;

/// <summary>
/// The results of <see cref="OnnxSession.Run"/>, read in place from ORT's memory, and the per-run scratch that wraps
/// inputs. Reusable across runs (each run releases the previous results); spans it hands out are valid until the next
/// run or <see cref="Dispose"/>. One thread at a time.
/// </summary>
public sealed class OnnxOutputs : IDisposable
{
    private readonly int[] _indices;
    private readonly string[] _names;
    private readonly TensorShape[] _shapes;
    private readonly TensorElementType[] _types;
    private readonly bool[] _described;
    private readonly OrtValue[] _inputValues;
    private readonly long[][] _inputShapes;
    private IDisposableReadOnlyCollection<OrtValue>? _results;
    private bool _disposed;

    internal OnnxOutputs(OnnxSession session, int[] indices)
    {
        Session = session;
        _indices = indices;
        _names = Array.ConvertAll(indices, i => session.Outputs[i].Name);
        _shapes = new TensorShape[indices.Length];
        _types = new TensorElementType[indices.Length];
        _described = new bool[indices.Length];
        _inputValues = new OrtValue[session.Inputs.Count];
        _inputShapes = new long[session.Inputs.Count][];
        for (var i = 0; i < _inputShapes.Length; i++)
        {
            _inputShapes[i] = new long[session.Inputs[i].Rank];
        }
    }

    /// <summary>How many outputs each run fetches.</summary>
    public int Count => _indices.Length;

    /// <summary>True once a run has left results here.</summary>
    public bool HasValues => _results is not null;

    internal OnnxSession Session { get; }

    /// <summary>The fetched outputs' names, in order, as ORT's run call takes them.</summary>
    internal IReadOnlyCollection<string> Names => _names;

    /// <summary>Slots for the inputs' <c>OrtValue</c>s of one run.</summary>
    internal OrtValue[] InputValues => _inputValues;

    /// <summary>Declaration of the <paramref name="output"/>-th fetched output.</summary>
    public OnnxTensorInfo Info(int output) => Session.Outputs[_indices[CheckIndex(output)]];

    public TensorElementType ElementType(int output)
    {
        Describe(output);
        return _types[output];
    }

    /// <summary>The concrete shape this run produced, e.g. [batch, sequence, hidden].</summary>
    public TensorShape Shape(int output)
    {
        Describe(output);
        return _shapes[output];
    }

    /// <summary>The float32 data of an output, in place (row-major, <see cref="Shape"/> elements).</summary>
    public ReadOnlySpan<float> Floats(int output)
    {
        Describe(output);
        if (_types[output] != TensorElementType.Float)
        {
            throw new InvalidOperationException($"Output {Info(output).Name} holds {_types[output]} values, not Float.");
        }

        return _results![output].GetTensorDataAsSpan<float>();
    }

    public void Dispose()
    {
        Clear();
        _disposed = true;
    }

    /// <summary>Input <paramref name="input"/>'s dimensions in a reused array (ORT copies them when it wraps the buffer).</summary>
    internal long[] InputShape(int input, TensorShape shape)
    {
        var dimensions = _inputShapes[input];
        if (dimensions.Length != shape.Rank)
        {
            dimensions = _inputShapes[input] = new long[shape.Rank];
        }

        shape.CopyTo(dimensions);
        return dimensions;
    }

    /// <summary>Takes the results of a run, releasing those of the previous one.</summary>
    internal void Hold(IDisposableReadOnlyCollection<OrtValue> results)
    {
        Clear();
        _results = results;
    }

    /// <summary>Releases the values of the previous run (if any).</summary>
    internal void Clear()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _results?.Dispose();
        _results = null;
        Array.Clear(_described);
    }

    private void Describe(int output)
    {
        CheckIndex(output);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_results is null)
        {
            throw new InvalidOperationException("No results yet: call OnnxSession.Run with these outputs first.");
        }

        if (!_described[output])
        {
            var info = _results[output].GetTensorTypeAndShape();
            _types[output] = info.ElementDataType;
            _shapes[output] = new TensorShape(info.Shape);
            _described[output] = true;
        }
    }

    private int CheckIndex(int output)
    {
        if ((uint)output >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(output), output, $"Output index must be in [0, {Count}).");
        }

        return output;
    }
}
