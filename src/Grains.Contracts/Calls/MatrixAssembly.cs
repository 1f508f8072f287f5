using Similarity.Grains.Contracts.Values;

namespace Similarity.Grains.Contracts.Calls;

/// <summary>
/// The result of a chunked call, filled as its chunks' answers arrive, in any order and concurrently: each answer's rows
/// are copied once into their place. Token counts add up (unknown if any answer's is).
/// </summary>
internal sealed class MatrixAssembly(int totalRows, string model)
{
    private readonly Lock _gate = new();
    private float[]? _values;
    private int _columns = -1;
    private long? _tokens = 0;

    public FloatMatrix Result => _values is { } values
        ? new FloatMatrix(totalRows, _columns, values, _tokens)
        : throw new InvalidOperationException($"no answer from model '{model}' was added");

    /// <summary>Copies <paramref name="rows"/>, the answer for the items from <paramref name="start"/> on, into place.</summary>
    public void Add(FloatMatrix rows, int start, int count)
    {
        if (rows.Rows != count)
        {
            throw new InvalidOperationException($"model '{model}' returned {rows.Rows} rows for {count} inputs");
        }

        float[] values;
        lock (_gate)
        {
            if (_values is null)
            {
                _columns = rows.Columns;
                _values = new float[(long)totalRows * rows.Columns];
            }
            else if (rows.Columns != _columns)
            {
                throw new InvalidOperationException(
                    $"model '{model}' answered with {rows.Columns} columns in one request and {_columns} in another; are its silos running different model versions?");
            }

            _tokens = _tokens is { } sum && rows.TokenCount is { } tokens ? sum + tokens : null;
            values = _values;
        }

        rows.Values.AsSpan().CopyTo(values.AsSpan(start * _columns, count * _columns));
    }
}
