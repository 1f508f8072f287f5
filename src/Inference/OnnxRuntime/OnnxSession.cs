using Microsoft.ML.OnnxRuntime;
using Ort = Microsoft.ML.OnnxRuntime;

namespace Similarity.Inference.OnnxRuntime;

/// <summary>
/// A loaded ONNX model ready to run, on ONNX Runtime's official .NET package. Inputs are <c>OrtValue</c>s over pinned
/// buffers (no copy), outputs are read where ORT wrote them. <see cref="Run"/> is safe to call from many threads at once
/// (each with its own <see cref="OnnxOutputs"/>); disposing waits for runs in flight, then releases the native session.
/// </summary>
public sealed class OnnxSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly object _gate = new();
    private int _runsInFlight;
    private bool _disposed;

    private OnnxSession(InferenceSession session, string modelPath, int intraOpThreads, OnnxTensorInfo[] inputs, OnnxTensorInfo[] outputs)
    {
        _session = session;
        ModelPath = modelPath;
        IntraOpThreads = intraOpThreads;
        Inputs = inputs;
        Outputs = outputs;
        _inputNames = Array.ConvertAll(inputs, i => i.Name);
    }

    public string ModelPath { get; }

    /// <summary>The intra-op threads this session was opened with (the options' request, or the cores resolved for 0).</summary>
    public int IntraOpThreads { get; }

    /// <summary>The model's inputs in the order <see cref="Run"/> takes them.</summary>
    public IReadOnlyList<OnnxTensorInfo> Inputs { get; }

    public IReadOnlyList<OnnxTensorInfo> Outputs { get; }

    /// <summary>Loads <paramref name="modelPath"/>; ORT's own message (missing file, corrupt protobuf, ...) comes back as <see cref="OnnxRuntimeException"/> naming the file.</summary>
    public static OnnxSession Open(string modelPath, OnnxSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        options ??= OnnxSessionOptions.Default;
        options.Validate();
        var fullPath = Path.GetFullPath(modelPath);
        _ = OnnxRuntimePackage.Environment;
        using var native = options.ToNative(fullPath);
        InferenceSession session;
        try
        {
            session = new InferenceSession(fullPath, native);
        }
        catch (Ort.OnnxRuntimeException e)
        {
            throw new OnnxRuntimeException($"load the model '{fullPath}'", e.Message, e);
        }

        try
        {
            var inputs = session.InputNames.Select(name => OnnxTensorInfo.From(name, session.InputMetadata[name])).ToArray();
            var outputs = session.OutputNames.Select(name => OnnxTensorInfo.From(name, session.OutputMetadata[name])).ToArray();
            return new OnnxSession(session, fullPath, options.ResolvedIntraOpThreads, inputs, outputs);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Index of the input called <paramref name="name"/>, or -1.</summary>
    public int FindInput(string name) => IndexOf(Inputs, name);

    /// <summary>Index of the output called <paramref name="name"/>, or -1.</summary>
    public int FindOutput(string name) => IndexOf(Outputs, name);

    /// <summary>A reusable holder for the results of runs, fetching every output.</summary>
    public OnnxOutputs CreateOutputs()
    {
        ThrowIfDisposed();
        return new OnnxOutputs(this, Enumerable.Range(0, Outputs.Count).ToArray());
    }

    /// <summary>A reusable holder for the results of runs, fetching only the named outputs (ORT then computes only what they need).</summary>
    public OnnxOutputs CreateOutputs(params IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        ThrowIfDisposed();
        var indices = new int[names.Count];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = FindOutput(names[i]);
            if (indices[i] < 0)
            {
                throw new ArgumentException($"Model '{ModelPath}' has no output '{names[i]}'; it has {string.Join(", ", Outputs.Select(o => o.Name))}.", nameof(names));
            }
        }

        return new OnnxOutputs(this, indices);
    }

    /// <summary>
    /// Runs the model on <paramref name="inputs"/> (one per declared input, in <see cref="Inputs"/> order) and leaves the
    /// results in <paramref name="outputs"/>, replacing what a previous run left there.
    /// </summary>
    public void Run(ReadOnlySpan<OnnxTensor> inputs, OnnxOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (!ReferenceEquals(outputs.Session, this))
        {
            throw new ArgumentException("These outputs were created by another session.", nameof(outputs));
        }

        CheckInputs(inputs);
        Enter();
        var values = outputs.InputValues;
        var created = 0;
        try
        {
            outputs.Clear();
            for (; created < inputs.Length; created++)
            {
                var tensor = inputs[created];
                values[created] = OrtValue.CreateTensorValueWithData(
                    OrtMemoryInfo.DefaultInstance, tensor.ElementType, outputs.InputShape(created, tensor.Shape), tensor.Address, tensor.ByteLength);
            }

            outputs.Hold(_session.Run(_runOptions, _inputNames, values, outputs.Names));
        }
        catch (Ort.OnnxRuntimeException e)
        {
            throw new OnnxRuntimeException($"run the model '{ModelPath}'", e.Message, e);
        }
        finally
        {
            for (var i = 0; i < created; i++)
            {
                values[i].Dispose();
                values[i] = null!;
            }

            foreach (var tensor in inputs)
            {
                GC.KeepAlive(tensor.Owner);
            }

            Leave();
        }
    }

    /// <summary>Waits for runs in flight, then releases the native session; later runs throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            while (_runsInFlight > 0)
            {
                Monitor.Wait(_gate);
            }
        }

        _session.Dispose();
        _runOptions.Dispose();
    }

    private void Enter()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _runsInFlight++;
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            if (--_runsInFlight == 0 && _disposed)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void ThrowIfDisposed()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
        }
    }

    private void CheckInputs(ReadOnlySpan<OnnxTensor> inputs)
    {
        if (inputs.Length != Inputs.Count)
        {
            throw InvalidInput($"the model takes {Inputs.Count} inputs ({string.Join(", ", Inputs)}), but {inputs.Length} were given.");
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            if (inputs[i].Owner is null)
            {
                throw InvalidInput($"input '{Inputs[i].Name}' was not set (default OnnxTensor).");
            }

            var mismatch = Inputs[i].Mismatch(inputs[i].ElementType, inputs[i].Shape);
            if (mismatch is not null)
            {
                throw InvalidInput($"input {Inputs[i]} cannot take a {inputs[i].ElementType} tensor of shape {inputs[i].Shape}: {mismatch}.");
            }
        }
    }

    private OnnxRuntimeException InvalidInput(string problem)
    {
        var operation = $"run the model '{ModelPath}'";
        return new OnnxRuntimeException(operation, problem, $"Cannot {operation}: {problem}");
    }

    private static int IndexOf(IReadOnlyList<OnnxTensorInfo> infos, string name)
    {
        for (var i = 0; i < infos.Count; i++)
        {
            if (infos[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
