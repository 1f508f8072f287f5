using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Streaming;

/// <summary>
/// Collects result rows in memory, for a command that works on all of them at once (community detection). Keeps each
/// chunk the model returned and joins them once at the end: every value is copied at most once.
/// </summary>
internal sealed class MatrixRowWriter(int columns) : IRowWriter
{
    private readonly List<EmbeddingMatrix> _chunks = [];
    private int _rows;

    /// <summary>Every row written, once <see cref="CompleteAsync"/> has run.</summary>
    public EmbeddingMatrix Matrix { get; private set; } = new(0, columns);

    public ValueTask WriteAsync(EmbeddingMatrix rows, CancellationToken cancellationToken)
    {
        if (rows.Columns != columns)
        {
            throw new InvalidOperationException($"rows of {rows.Columns} values where {columns} were expected");
        }

        _chunks.Add(rows);
        _rows = checked(_rows + rows.Rows);
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_chunks.Count == 1)
        {
            Matrix = _chunks[0];
        }
        else if (_chunks.Count > 1)
        {
            Matrix = new EmbeddingMatrix(_rows, columns);
            var offset = 0;
            foreach (var chunk in _chunks)
            {
                chunk.Data.CopyTo(Matrix.Data[offset..]);
                offset += chunk.Data.Length;
            }
        }

        _chunks.Clear();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
