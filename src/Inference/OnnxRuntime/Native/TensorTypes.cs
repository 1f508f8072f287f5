namespace Similarity.Inference.OnnxRuntime.Native;

/// <summary>Reads element types and shapes out of ORT's type-info objects.</summary>
internal static unsafe class TensorTypes
{
    private const int OnnxTypeTensor = 1;

    public static OnnxTensorInfo Describe(OrtApi api, string name, nint typeInfo)
    {
        int onnxType;
        api.Check(api.GetOnnxTypeFromTypeInfo(typeInfo, &onnxType), $"read the kind of '{name}'");
        if (onnxType != OnnxTypeTensor)
        {
            return new OnnxTensorInfo(name, isTensor: false, TensorElementType.Undefined, [], []);
        }

        nint tensorInfo;
        api.Check(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo), $"read the tensor type of '{name}'");
        var (elementType, dimensions) = ReadShape(api, tensorInfo, name);
        var names = new string[dimensions.Length];
        var symbols = stackalloc byte*[Math.Max(1, dimensions.Length)];
        api.Check(api.GetSymbolicDimensions(tensorInfo, symbols, (nuint)dimensions.Length), $"read the symbolic dimensions of '{name}'");
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Utf8.Read(symbols[i]) ?? string.Empty;
        }

        return new OnnxTensorInfo(name, isTensor: true, elementType, dimensions, names);
    }

    /// <summary>Element type and dimensions of an <c>OrtTensorTypeAndShapeInfo</c> (not released here).</summary>
    public static (TensorElementType ElementType, long[] Dimensions) ReadShape(OrtApi api, nint tensorInfo, string name)
    {
        int elementType;
        api.Check(api.GetTensorElementType(tensorInfo, &elementType), $"read the element type of '{name}'");
        nuint rank;
        api.Check(api.GetDimensionsCount(tensorInfo, &rank), $"read the rank of '{name}'");
        var dimensions = new long[(int)rank];
        fixed (long* d = dimensions)
        {
            api.Check(api.GetDimensions(tensorInfo, d, rank), $"read the dimensions of '{name}'");
        }

        return ((TensorElementType)elementType, dimensions);
    }

    /// <summary>Element type and concrete shape of a tensor value, without allocating.</summary>
    public static (TensorElementType ElementType, TensorShape Shape) ReadValueShape(OrtApi api, nint value, string name)
    {
        nint info;
        api.Check(api.GetTensorTypeAndShape(value, &info), $"read the shape of output '{name}'");
        try
        {
            int elementType;
            api.Check(api.GetTensorElementType(info, &elementType), $"read the element type of output '{name}'");
            nuint rank;
            api.Check(api.GetDimensionsCount(info, &rank), $"read the rank of output '{name}'");
            if (rank > TensorShape.MaxRank)
            {
                throw new OnnxRuntimeException(OrtErrorCode.NotImplemented, $"rank {rank} exceeds {TensorShape.MaxRank}", $"read output '{name}'");
            }

            var dimensions = stackalloc long[TensorShape.MaxRank];
            api.Check(api.GetDimensions(info, dimensions, rank), $"read the dimensions of output '{name}'");
            return ((TensorElementType)elementType, new TensorShape(new ReadOnlySpan<long>(dimensions, (int)rank)));
        }
        finally
        {
            api.ReleaseTensorTypeAndShapeInfo(info);
        }
    }
}
