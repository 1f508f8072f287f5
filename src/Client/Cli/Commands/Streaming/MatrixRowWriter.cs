using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Streaming;

/// <summary>Collects result rows in memory, for a command that works on all of them at once (community detection).</summary>
internal sealed class MatrixRowWriter(int columns) : IRowWriter
{
    private float[] _values = new float[columns * 1024];
    private int _rows;

    /// <summary>Every row written, once <see cref="CompleteAsync"/> has run.</summary>
    public EmbeddingMatrix Matrix { get; private set; } = new(0, columns);

    public ValueTask WriteAsync(EmbeddingMatrix rows, CancellationToken cancellationToken)
    {
        if (rows.Columns != columns)
        {
            throw new InvalidOperationException($"rows of {rows.Columns} values where {columns} were expected");
        }

        var needed = checked((_rows + rows.Rows) * columns);
        if (needed > _values.Length)
        {
            Array.Resize(ref _values, Math.Max(needed, _values.Length * 2));
        }

        rows.Data.CopyTo(_values.AsSpan(_rows * columns));
        _rows += rows.Rows;
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        Matrix = new EmbeddingMatrix(_rows, columns, _values.AsSpan(0, _rows * columns).ToArray());
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
