using System.Buffers;
using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Tensors;

namespace Similarity.Silo.Fabric.Codec;

/// <summary>
/// Replies: a matrix (embeddings or label scores) with its token count when the model counted, or a typed error that the
/// caller rethrows.
/// </summary>
public static class ReplyCodec
{
    public static void WriteMatrix(IBufferWriter<byte> output, EmbeddingMatrix matrix)
    {
        var writer = new PayloadWriter(output);
        var tokens = matrix.TokenCount;
        writer.WriteHeader(tokens is null ? PayloadKind.MatrixReply : PayloadKind.CountedMatrixReply);
        writer.WriteVarUInt((uint)matrix.Rows);
        writer.WriteVarUInt((uint)matrix.Columns);
        if (tokens is { } count)
        {
            writer.WriteVarUInt((uint)Math.Clamp(count, 0, uint.MaxValue));
        }

        writer.WriteFloats(matrix.Data);
    }

    public static void WriteError(IBufferWriter<byte> output, GrainErrorCode code, string message, string? parameter = null)
    {
        var writer = new PayloadWriter(output);
        writer.WriteHeader(PayloadKind.ErrorReply);
        writer.WriteByte((byte)code);
        writer.WriteText(message, "error message");
        writer.WriteText(parameter ?? string.Empty, "error parameter");
    }

    public static void WriteError(IBufferWriter<byte> output, GrainException error) =>
        WriteError(output, error.Code, error.Message, error.Parameter);

    /// <summary>The matrix in a reply; an error reply is thrown as its typed <see cref="GrainException"/>.</summary>
    public static EmbeddingMatrix ReadMatrix(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        var (rows, columns, tokens) = ReadMatrixHeader(ref reader);
        var matrix = new EmbeddingMatrix(rows, columns) { TokenCount = tokens };
        reader.ReadFloats(matrix.Data, "matrix values");
        return matrix;
    }

    /// <summary>
    /// Reads a reply up to its values, checking that exactly <c>rows × columns</c> floats follow, so a caller can read
    /// them wherever it wants them; an error reply is thrown as its typed <see cref="GrainException"/>.
    /// </summary>
    public static (int Rows, int Columns, long? Tokens) ReadMatrixHeader(ref PayloadReader reader)
    {
        var kind = reader.ReadHeader();
        if (kind == PayloadKind.ErrorReply)
        {
            throw ReadError(ref reader);
        }

        if (kind is not (PayloadKind.MatrixReply or PayloadKind.CountedMatrixReply))
        {
            throw new PayloadFormatException($"expected a reply, got a {kind} payload");
        }

        var rows = (int)Math.Min(reader.ReadVarUInt("row count"), int.MaxValue);
        var columns = (int)Math.Min(reader.ReadVarUInt("column count"), int.MaxValue);
        long? tokens = kind == PayloadKind.CountedMatrixReply ? reader.ReadVarUInt("token count") : null;
        if ((long)rows * columns * sizeof(float) != reader.Remaining)
        {
            throw new PayloadFormatException(
                $"a {rows}x{columns} matrix needs {(long)rows * columns * sizeof(float)} bytes of values; the reply has {reader.Remaining}");
        }

        return (rows, columns, tokens);
    }

    private static GrainException ReadError(ref PayloadReader reader)
    {
        var code = (GrainErrorCode)reader.ReadByte("error code");
        var message = reader.ReadText("error message");
        var parameter = reader.ReadText("error parameter");
        return GrainException.FromCode(code, message, parameter.Length == 0 ? null : parameter);
    }
}
