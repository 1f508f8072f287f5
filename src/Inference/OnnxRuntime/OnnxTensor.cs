using Microsoft.ML.OnnxRuntime.Tensors;

namespace Similarity.Inference.OnnxRuntime;

/// <summary>
/// An input tensor for <see cref="OnnxSession.Run"/>: a shape over a <see cref="PinnedBuffer{T}"/> that ORT reads in place.
/// A plain value: the <c>OrtValue</c> over the buffer exists only for the duration of the run.
/// </summary>
public readonly struct OnnxTensor
{
    private OnnxTensor(object owner, nint address, long byteLength, TensorElementType elementType, TensorShape shape)
    {
        Owner = owner;
        Address = address;
        ByteLength = byteLength;
        ElementType = elementType;
        Shape = shape;
    }

    public TensorElementType ElementType { get; }

    public TensorShape Shape { get; }

    internal object Owner { get; }

    internal nint Address { get; }

    internal long ByteLength { get; }

    /// <summary>Views the first <c>shape.ElementCount</c> elements of <paramref name="buffer"/> as a tensor of <paramref name="shape"/>.</summary>
    public static unsafe OnnxTensor Create<T>(PinnedBuffer<T> buffer, TensorShape shape)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var count = shape.ElementCount;
        if (count < 0)
        {
            throw new ArgumentException($"Tensor shape {shape} has a negative dimension.", nameof(shape));
        }

        if (count > buffer.Length)
        {
            throw new ArgumentException($"Tensor shape {shape} needs {count} elements; the buffer holds {buffer.Length}.", nameof(shape));
        }

        return new OnnxTensor(buffer, buffer.Address, count * sizeof(T), ElementTypeOf<T>(), shape);
    }

    private static TensorElementType ElementTypeOf<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(long))
        {
            return TensorElementType.Int64;
        }

        if (typeof(T) == typeof(int))
        {
            return TensorElementType.Int32;
        }

        if (typeof(T) == typeof(float))
        {
            return TensorElementType.Float;
        }

        if (typeof(T) == typeof(double))
        {
            return TensorElementType.Double;
        }

        if (typeof(T) == typeof(Half))
        {
            return TensorElementType.Float16;
        }

        if (typeof(T) == typeof(byte))
        {
            return TensorElementType.UInt8;
        }

        if (typeof(T) == typeof(bool))
        {
            return TensorElementType.Bool;
        }

        throw new NotSupportedException($"{typeof(T).Name} has no ONNX tensor element type in this binding.");
    }
}
