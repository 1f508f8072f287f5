using Similarity.Inference.Tensors;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Tensors;

public class NpyFormatTests
{
    [Fact]
    public void Written_matrix_reads_back_with_same_shape_and_values()
    {
        var matrix = new EmbeddingMatrix(3, 5);
        for (var i = 0; i < matrix.Data.Length; i++)
        {
            matrix.Data[i] = i * 0.25f - 1f;
        }

        using var stream = new MemoryStream();
        NpyFormat.Write(stream, matrix);
        Assert.Equal(0, (stream.Length - matrix.Data.Length * 4) % 64);
        stream.Position = 0;
        var read = NpyFormat.Read(stream);

        Assert.Equal(3, read.Rows);
        Assert.Equal(5, read.Columns);
        Assert.Equal(matrix.Buffer, read.Buffer);
    }

    [Fact]
    public void Written_vector_is_one_dimensional_and_reads_back_as_a_column()
    {
        float[] scores = [0.5f, -2f, 3.25f];
        using var stream = new MemoryStream();

        NpyFormat.WriteVector(stream, scores);

        Assert.Contains("'shape': (3,)", System.Text.Encoding.ASCII.GetString(stream.ToArray(), 10, 54));
        stream.Position = 0;
        var read = NpyFormat.Read(stream);
        Assert.Equal((3, 1), (read.Rows, read.Columns));
        Assert.Equal(scores, read.Buffer);
    }

    [Fact]
    public void Reads_numpy_written_fixture()
    {
        var corpus = NpyFormat.Read(SharedFolder.Fixture("metrics", "corpus.npy"));

        Assert.True(corpus.Rows > 1);
        Assert.True(corpus.Columns > 1);
        Assert.All(corpus.Buffer, x => Assert.True(float.IsFinite(x)));
    }

    [Fact]
    public void Rejects_a_file_that_is_not_npy_by_naming_the_problem()
    {
        using var stream = new MemoryStream("hello world, not numpy"u8.ToArray());

        var error = Assert.Throws<InvalidDataException>(() => NpyFormat.Read(stream));

        Assert.Contains("magic", error.Message);
    }

    [Fact]
    public void Rejects_a_truncated_file()
    {
        var matrix = new EmbeddingMatrix(4, 4);
        using var full = new MemoryStream();
        NpyFormat.Write(full, matrix);
        using var truncated = new MemoryStream(full.ToArray()[..^5]);

        var error = Assert.Throws<InvalidDataException>(() => NpyFormat.Read(truncated));

        Assert.Contains("ends inside the data", error.Message);
    }
}
