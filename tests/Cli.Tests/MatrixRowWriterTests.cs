using Similarity.Cli.Commands.Streaming;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Tests;

public class MatrixRowWriterTests
{
    [Fact]
    public async Task Chunks_are_joined_into_one_matrix_in_the_order_written()
    {
        var writer = new MatrixRowWriter(columns: 3);
        var chunks = new[] { Rows(2, 3, first: 0), Rows(1, 3, first: 6), Rows(4, 3, first: 9) };

        foreach (var chunk in chunks)
        {
            await writer.WriteAsync(chunk, CancellationToken.None);
        }

        await writer.CompleteAsync(CancellationToken.None);

        Assert.Equal((7, 3), (writer.Matrix.Rows, writer.Matrix.Columns));
        Assert.Equal(Enumerable.Range(0, 21).Select(i => (float)i), writer.Matrix.Data.ToArray());
    }

    [Fact]
    public async Task A_single_chunk_is_the_matrix()
    {
        var writer = new MatrixRowWriter(columns: 2);
        var chunk = Rows(5, 2, first: 0);

        await writer.WriteAsync(chunk, CancellationToken.None);
        await writer.CompleteAsync(CancellationToken.None);

        Assert.Same(chunk, writer.Matrix);
    }

    [Fact]
    public async Task No_chunks_give_zero_rows_of_the_given_width()
    {
        var writer = new MatrixRowWriter(columns: 4);

        await writer.CompleteAsync(CancellationToken.None);

        Assert.Equal((0, 4), (writer.Matrix.Rows, writer.Matrix.Columns));
    }

    [Fact]
    public async Task Rows_of_another_width_are_refused()
    {
        var writer = new MatrixRowWriter(columns: 4);

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(Rows(1, 3, first: 0), CancellationToken.None).AsTask());
    }

    private static EmbeddingMatrix Rows(int rows, int columns, int first) =>
        new(rows, columns, Enumerable.Range(first, rows * columns).Select(i => (float)i).ToArray());
}
