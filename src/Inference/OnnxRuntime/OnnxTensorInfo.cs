using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Similarity.Inference.OnnxRuntime;

/// <summary>What a model declares for one input or output: name, element type and shape, with symbolic dimensions by name.</summary>
public sealed class OnnxTensorInfo
{
    public OnnxTensorInfo(string name, bool isTensor, TensorElementType elementType, IReadOnlyList<long> dimensions, IReadOnlyList<string> dimensionNames)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(dimensionNames);
        if (dimensions.Count != dimensionNames.Count)
        {
            throw new ArgumentException("Each dimension needs a (possibly empty) name.", nameof(dimensionNames));
        }

        Name = name;
        IsTensor = isTensor;
        ElementType = elementType;
        Dimensions = dimensions;
        DimensionNames = dimensionNames;
    }

    public string Name { get; }

    /// <summary>The declaration ORT reads from the model, in our terms (-1 and a name for each symbolic dimension).</summary>
    internal static OnnxTensorInfo From(string name, NodeMetadata metadata)
    {
        var dimensions = new long[metadata.Dimensions.Length];
        var names = new string[dimensions.Length];
        for (var axis = 0; axis < dimensions.Length; axis++)
        {
            dimensions[axis] = metadata.Dimensions[axis] < 0 ? -1 : metadata.Dimensions[axis];
            names[axis] = axis < metadata.SymbolicDimensions.Length ? metadata.SymbolicDimensions[axis] ?? string.Empty : string.Empty;
        }

        return new OnnxTensorInfo(name, metadata.IsTensor, metadata.IsTensor ? metadata.ElementDataType : TensorElementType.DataTypeMax, dimensions, names);
    }

    /// <summary>False for sequences, maps and other non-tensor values (which this binding does not feed or read).</summary>
    public bool IsTensor { get; }

    public TensorElementType ElementType { get; }

    /// <summary>Declared sizes; -1 where the size is symbolic or unknown.</summary>
    public IReadOnlyList<long> Dimensions { get; }

    /// <summary>Symbolic names (e.g. "batch_size"), or "" for fixed or unnamed dimensions.</summary>
    public IReadOnlyList<string> DimensionNames { get; }

    public int Rank => Dimensions.Count;

    /// <summary>Checks a concrete shape against the declaration; returns why it does not fit, or null.</summary>
    public string? Mismatch(TensorElementType elementType, TensorShape shape)
    {
        if (elementType != ElementType)
        {
            return $"its element type is {ElementType}, not {elementType}";
        }

        if (shape.Rank != Rank)
        {
            return $"it has rank {Rank}, not {shape.Rank}";
        }

        for (var axis = 0; axis < Rank; axis++)
        {
            if (Dimensions[axis] >= 0 && Dimensions[axis] != shape[axis])
            {
                return $"dimension {axis} must be {Dimensions[axis]}, not {shape[axis]}";
            }

            if (shape[axis] < 0)
            {
                return $"dimension {axis} is negative ({shape[axis]})";
            }
        }

        return null;
    }

    /// <summary>E.g. <c>input_ids: Int64 [batch_size, sequence_length]</c>.</summary>
    public override string ToString()
    {
        if (!IsTensor)
        {
            return $"{Name}: (not a tensor)";
        }

        var text = new StringBuilder(Name).Append(": ").Append(ElementType).Append(" [");
        for (var axis = 0; axis < Rank; axis++)
        {
            text.Append(axis == 0 ? string.Empty : ", ");
            text.Append(DimensionNames[axis].Length > 0 ? DimensionNames[axis] : Dimensions[axis] >= 0 ? Dimensions[axis].ToString(System.Globalization.CultureInfo.InvariantCulture) : "?");
        }

        return text.Append(']').ToString();
    }
}
