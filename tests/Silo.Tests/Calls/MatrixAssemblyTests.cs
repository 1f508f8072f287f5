using System.Buffers;
using Similarity.Inference.Tensors;
using Similarity.Silo.Calls;
using Similarity.Silo.Fabric.Codec;

namespace Similarity.Silo.Tests.Calls;

public class MatrixAssemblyTests
{
    [Fact]
    public void Replies_arriving_in_any_order_land_in_the_rows_of_their_chunks()
    {
        var assembly = new MatrixAssembly(5, "m");

        assembly.Add(Reply(new EmbeddingMatrix(2, 2, [5, 6, 7, 8])), new RequestChunk(2, 2));
        assembly.Add(Reply(new EmbeddingMatrix(1, 2, [9, 10])), new RequestChunk(4, 1));
        assembly.Add(Reply(new EmbeddingMatrix(2, 2, [1, 2, 3, 4])), new RequestChunk(0, 2));

        Assert.Equal([1f, 2, 3, 4, 5, 6, 7, 8, 9, 10], assembly.Result.Data.ToArray());
    }

    [Fact]
    public void Token_counts_of_the_replies_add_up()
    {
        var assembly = new MatrixAssembly(2, "m");

        assembly.Add(Reply(new EmbeddingMatrix(1, 1, [1]) { TokenCount = 3 }), new RequestChunk(0, 1));
        assembly.Add(Reply(new EmbeddingMatrix(1, 1, [2]) { TokenCount = 4 }), new RequestChunk(1, 1));

        Assert.Equal(7, assembly.Result.TokenCount);
    }

    [Fact]
    public void The_token_count_is_unknown_when_one_reply_did_not_count()
    {
        var assembly = new MatrixAssembly(2, "m");

        assembly.Add(Reply(new EmbeddingMatrix(1, 1, [1]) { TokenCount = 3 }), new RequestChunk(0, 1));
        assembly.Add(Reply(new EmbeddingMatrix(1, 1, [2])), new RequestChunk(1, 1));

        Assert.Null(assembly.Result.TokenCount);
    }

    [Fact]
    public void An_empty_call_keeps_the_dimension_its_reply_reports()
    {
        var assembly = new MatrixAssembly(0, "m");

        assembly.Add(Reply(new EmbeddingMatrix(0, 32)), new RequestChunk(0, 0));

        Assert.Equal((0, 32), (assembly.Result.Rows, assembly.Result.Columns));
    }

    [Fact]
    public void Replies_of_different_widths_are_a_fault_naming_the_model()
    {
        var assembly = new MatrixAssembly(2, "mini");
        assembly.Add(Reply(new EmbeddingMatrix(1, 2)), new RequestChunk(0, 1));

        var error = Assert.Throws<InvalidOperationException>(() => assembly.Add(Reply(new EmbeddingMatrix(1, 3)), new RequestChunk(1, 1)));

        Assert.Contains("model 'mini' replied with 3 columns in one request and 2 in another", error.Message);
    }

    [Fact]
    public void A_reply_with_more_or_fewer_rows_than_its_chunk_is_a_fault_not_a_result()
    {
        var assembly = new MatrixAssembly(3, "mini");

        var error = Assert.Throws<InvalidOperationException>(() => assembly.Add(Reply(new EmbeddingMatrix(1, 2)), new RequestChunk(1, 2)));

        Assert.Contains("model 'mini' returned 1 rows for 2 inputs", error.Message);
    }

    private static byte[] Reply(EmbeddingMatrix matrix)
    {
        var output = new ArrayBufferWriter<byte>();
        ReplyCodec.WriteMatrix(output, matrix);
        return output.WrittenSpan.ToArray();
    }
}
