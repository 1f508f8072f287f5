using System.Runtime.InteropServices;
using Similarity.Inference.OnnxRuntime.Native;

namespace Similarity.Inference.OnnxRuntime;

/// <summary>
/// A loaded ONNX model ready to run. <see cref="Run"/> is safe to call from many threads at once (each with its own
/// <see cref="OnnxOutputs"/>); disposing releases the native session.
/// </summary>
public sealed unsafe class OnnxSession : IDisposable
{
    private readonly OrtApi _api;
    private readonly OrtSessionHandle _handle;
    private readonly NativeStringArray _inputNames;
    private readonly NativeStringArray _outputNames;

    private OnnxSession(OrtApi api, OrtSessionHandle handle, string modelPath, OnnxTensorInfo[] inputs, OnnxTensorInfo[] outputs)
    {
        _api = api;
        _handle = handle;
        ModelPath = modelPath;
        Inputs = inputs;
        Outputs = outputs;
        _inputNames = new NativeStringArray(Array.ConvertAll(inputs, i => i.Name));
        _outputNames = new NativeStringArray(Array.ConvertAll(outputs, o => o.Name));
    }

    public string ModelPath { get; }

    /// <summary>The model's inputs in the order <see cref="Run"/> takes them.</summary>
    public IReadOnlyList<OnnxTensorInfo> Inputs { get; }

    public IReadOnlyList<OnnxTensorInfo> Outputs { get; }

    /// <summary>The native output names; throws once disposed, when they have been freed.</summary>
    internal byte** OutputNamePointers
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _outputNames.Pointer;
        }
    }

    /// <summary>Loads <paramref name="modelPath"/>; ORT's own message (missing file, corrupt protobuf, ...) comes back as <see cref="OnnxRuntimeException"/>.</summary>
    public static OnnxSession Open(string modelPath, OnnxSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        options ??= OnnxSessionOptions.Default;
        options.Validate();
        var environment = OnnxEnvironment.Instance;
        var api = environment.Api;
        var fullPath = Path.GetFullPath(modelPath);
        nint session;
        nint nativeOptions;
        api.Check(api.CreateSessionOptions(&nativeOptions), "create session options");
        try
        {
            Configure(api, nativeOptions, options);
            nint status;
            if (OperatingSystem.IsWindows())
            {
                fixed (char* path = fullPath)
                {
                    status = api.CreateSession(environment.Handle, path, nativeOptions, &session);
                }
            }
            else
            {
                var path = Utf8.Allocate(fullPath);
                try
                {
                    status = api.CreateSession(environment.Handle, path, nativeOptions, &session);
                }
                finally
                {
                    NativeMemory.Free(path);
                }
            }

            api.Check(status, $"load the model '{fullPath}'");
        }
        finally
        {
            api.ReleaseSessionOptions(nativeOptions);
        }

        var handle = new OrtSessionHandle(api, session, new FileInfo(fullPath).Length);
        try
        {
            var inputs = Describe(api, environment.DefaultAllocator, session, isInput: true);
            var outputs = Describe(api, environment.DefaultAllocator, session, isInput: false);
            return new OnnxSession(api, handle, fullPath, inputs, outputs);
        }
        catch
        {
            handle.Dispose();
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
        var all = new int[Outputs.Count];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        return new OnnxOutputs(this, all);
    }

    /// <summary>A reusable holder for the results of runs, fetching only the named outputs (ORT then computes only what they need).</summary>
    public OnnxOutputs CreateOutputs(params IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
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
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (!ReferenceEquals(outputs.Session, this))
        {
            throw new ArgumentException("These outputs were created by another session.", nameof(outputs));
        }

        CheckInputs(inputs);
        var values = stackalloc nint[Math.Max(1, inputs.Length)];
        var created = 0;
        var addedReference = false;
        try
        {
            _handle.DangerousAddRef(ref addedReference);
            var memoryInfo = OnnxEnvironment.Instance.CpuMemoryInfo;
            var dimensions = stackalloc long[TensorShape.MaxRank];
            for (; created < inputs.Length; created++)
            {
                var tensor = inputs[created];
                tensor.Shape.CopyTo(new Span<long>(dimensions, TensorShape.MaxRank));
                nint value;
                _api.Check(
                    _api.CreateTensorWithDataAsOrtValue(memoryInfo, (void*)tensor.Address, (nuint)tensor.ByteLength, dimensions, (nuint)tensor.Shape.Rank, (int)tensor.ElementType, &value),
                    $"wrap input '{Inputs[created].Name}' {tensor.Shape} as a tensor");
                values[created] = value;
            }

            outputs.Clear();
            var status = _api.Run(_handle.DangerousGetHandle(), 0, (nint*)_inputNames.Pointer, values, (nuint)inputs.Length, (nint*)outputs.NamePointers, (nuint)outputs.Count, outputs.ValuePointers);
            if (status != 0)
            {
                outputs.Clear();
                throw _api.ToException(status, $"run the model '{ModelPath}'");
            }
        }
        finally
        {
            for (var i = 0; i < created; i++)
            {
                _api.ReleaseValue(values[i]);
            }

            if (addedReference)
            {
                _handle.DangerousRelease();
            }

            foreach (var tensor in inputs)
            {
                GC.KeepAlive(tensor.Owner);
            }
        }
    }

    public void Dispose()
    {
        _handle.Dispose();
        _inputNames.Dispose();
        _outputNames.Dispose();
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
        return new OnnxRuntimeException(OrtErrorCode.InvalidArgument, problem, operation, $"Cannot {operation}: {problem}");
    }

    private static void Configure(OrtApi api, nint nativeOptions, OnnxSessionOptions options)
    {
        if (options.IntraOpThreads > 0)
        {
            api.Check(api.SetIntraOpNumThreads(nativeOptions, options.IntraOpThreads), $"set {options.IntraOpThreads} intra-op threads");
        }

        if (options.InterOpThreads > 0)
        {
            api.Check(api.SetInterOpNumThreads(nativeOptions, options.InterOpThreads), $"set {options.InterOpThreads} inter-op threads");
        }

        api.Check(api.SetSessionGraphOptimizationLevel(nativeOptions, (int)options.GraphOptimization), $"set graph optimisation {options.GraphOptimization}");
        if (options.ExecutionProvider == OnnxExecutionProvider.Cuda)
        {
            CudaProvider.Append(api, nativeOptions, options.CudaDeviceId);
        }
    }

    private static OnnxTensorInfo[] Describe(OrtApi api, nint allocator, nint session, bool isInput)
    {
        var kind = isInput ? "input" : "output";
        nuint count;
        api.Check(isInput ? api.SessionGetInputCount(session, &count) : api.SessionGetOutputCount(session, &count), $"count the model's {kind}s");
        var result = new OnnxTensorInfo[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* rawName;
            api.Check(isInput ? api.SessionGetInputName(session, i, allocator, &rawName) : api.SessionGetOutputName(session, i, allocator, &rawName), $"read the name of {kind} {i}");
            var name = Utf8.Read(rawName) ?? string.Empty;
            api.Check(api.AllocatorFree(allocator, rawName), "free a name");
            nint typeInfo;
            api.Check(isInput ? api.SessionGetInputTypeInfo(session, i, &typeInfo) : api.SessionGetOutputTypeInfo(session, i, &typeInfo), $"read the type of {kind} '{name}'");
            try
            {
                result[(int)i] = TensorTypes.Describe(api, name, typeInfo);
            }
            finally
            {
                api.ReleaseTypeInfo(typeInfo);
            }
        }

        return result;
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
