using Similarity.Inference.Tensors;
using Similarity.Silo.Fabric.Codec;

namespace Similarity.Silo.Calls;

/// <summary>
/// The result of a chunked call, filled as its replies arrive: each reply's values are read straight from the reply
/// bytes into the rows of its chunk, so the caller copies a call's embeddings once, whatever the number of requests. Token
/// counts add up (unknown if any reply's is). Replies may be added concurrently.
/// </summary>
internal sealed class MatrixAssembly(int totalRows, string model)
{
    private readonly Lock _gate = new();
    private EmbeddingMatrix? _matrix;
    private long? _tokens = 0;

    /// <summary>The assembled rows, once every chunk's reply has been added.</summary>
    public EmbeddingMatrix Result
    {
        get
        {
            var matrix = _matrix ?? throw new InvalidOperationException($"no reply from model '{model}' was added");
            matrix.TokenCount = _tokens;
            return matrix;
        }
    }

    /// <summary>Reads <paramref name="reply"/> (the reply to <paramref name="chunk"/>) into its rows; an error reply is thrown as its typed exception.</summary>
    public int Add(ReadOnlySpan<byte> reply, RequestChunk chunk)
    {
        var reader = new PayloadReader(reply);
        var (rows, columns, tokens) = ReplyCodec.ReadMatrixHeader(ref reader);
        if (rows != chunk.Count)
        {
            throw new InvalidOperationException($"model '{model}' returned {rows} rows for {chunk.Count} inputs");
        }

        EmbeddingMatrix matrix;
        lock (_gate)
        {
            matrix = _matrix ??= new EmbeddingMatrix(totalRows, columns);
            if (matrix.Columns != columns)
            {
                throw new InvalidOperationException(
                    $"model '{model}' replied with {columns} columns in one request and {matrix.Columns} in another; are its silos running different model versions?");
            }

            _tokens += tokens;
        }

        reader.ReadFloats(matrix.Data.Slice(chunk.Start * columns, rows * columns), "matrix values");
        return rows;
    }
}
