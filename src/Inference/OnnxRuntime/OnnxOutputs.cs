using System.Runtime.InteropServices;
using Similarity.Inference.OnnxRuntime.Native;

namespace Similarity.Inference.OnnxRuntime;

/// <summary>
/// The results of <see cref="OnnxSession.Run"/>, read in place from ORT's memory. Reusable across runs (each run releases
/// the previous results); spans it hands out are valid until the next run or <see cref="Dispose"/>. One thread at a time.
/// </summary>
public sealed unsafe class OnnxOutputs : IDisposable
{
    private readonly OrtApi _api;
    private readonly int[] _indices;
    private readonly TensorShape[] _shapes;
    private readonly TensorElementType[] _types;
    private readonly bool[] _described;
    private nint* _values;
    private byte** _names;

    internal OnnxOutputs(OnnxSession session, int[] indices)
    {
        var sessionNames = session.OutputNamePointers;
        _api = OnnxEnvironment.Instance.Api;
        Session = session;
        _indices = indices;
        _shapes = new TensorShape[indices.Length];
        _types = new TensorElementType[indices.Length];
        _described = new bool[indices.Length];
        var slots = (nuint)Math.Max(1, indices.Length);
        _values = (nint*)NativeMemory.AllocZeroed(slots, (nuint)sizeof(nint));
        _names = (byte**)NativeMemory.AllocZeroed(slots, (nuint)sizeof(nint));
        for (var i = 0; i < indices.Length; i++)
        {
            _names[i] = sessionNames[indices[i]];
        }
    }

    ~OnnxOutputs() => Release();

    /// <summary>How many outputs each run fetches.</summary>
    public int Count => _indices.Length;

    /// <summary>True once a run has left results here.</summary>
    public bool HasValues => Count > 0 && _values != null && _values[0] != 0;

    internal OnnxSession Session { get; }

    internal byte** NamePointers => _names;

    internal nint* ValuePointers => _values;

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

        void* data;
        _api.Check(_api.GetTensorMutableData(_values[output], &data), $"read output '{Info(output).Name}'");
        return new ReadOnlySpan<float>(data, checked((int)_shapes[output].ElementCount));
    }

    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the values of the previous run (if any).</summary>
    internal void Clear()
    {
        ObjectDisposedException.ThrowIf(_values == null, this);
        for (var i = 0; i < Count; i++)
        {
            if (_values[i] != 0)
            {
                _api.ReleaseValue(_values[i]);
                _values[i] = 0;
            }

            _described[i] = false;
        }
    }

    private void Describe(int output)
    {
        CheckIndex(output);
        ObjectDisposedException.ThrowIf(_values == null, this);
        if (_values[output] == 0)
        {
            throw new InvalidOperationException("No results yet: call OnnxSession.Run with these outputs first.");
        }

        if (!_described[output])
        {
            (_types[output], _shapes[output]) = TensorTypes.ReadValueShape(_api, _values[output], Info(output).Name);
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

    private void Release()
    {
        if (_values == null)
        {
            return;
        }

        for (var i = 0; i < _indices.Length; i++)
        {
            if (_values[i] != 0)
            {
                _api.ReleaseValue(_values[i]);
            }
        }

        NativeMemory.Free(_values);
        NativeMemory.Free(_names);
        _values = null;
        _names = null;
    }
}
