namespace Similarity.Grains.Kernels;

/// <summary>An embedding holds NaN or ±infinity: no score is defined for it, so kernels refuse the whole input.</summary>
public sealed class NonFiniteEmbeddingException : ArgumentException
{
    public NonFiniteEmbeddingException(string input, int row, int column, float value)
        : base($"{input}: row {row} has a non-finite value ({Describe(value)}) at column {column}.")
    {
        Input = input;
        Row = row;
        Column = column;
    }

    /// <summary>The input's name, e.g. a file name or <c>corpus</c>.</summary>
    public string Input { get; }

    public int Row { get; }

    public int Column { get; }

    private static string Describe(float value) => float.IsNaN(value) ? "NaN" : value > 0 ? "+Infinity" : "-Infinity";
}
