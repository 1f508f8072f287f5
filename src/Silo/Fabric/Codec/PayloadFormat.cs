namespace Similarity.Silo.Fabric.Codec;

/// <summary>
/// The binary format of grain payloads, version 1. Every payload starts with two bytes: the format version and a
/// <see cref="PayloadKind"/>. Integers are unsigned LEB128 varints, texts are a varint byte length followed by
/// UTF-8, floats are raw little-endian IEEE 754 float32.
/// <code>
/// EncodeRequest:  01 01 count text*
/// PredictRequest: 01 02 count (text text)*
/// MatrixReply:        01 03 rows columns float32[rows*columns]
/// ErrorReply:         01 04 code:byte message:text parameter:text (empty = none)
/// CountedMatrixReply: 01 05 rows columns tokens float32[rows*columns]   (tokens the model read, for usage)
/// </code>
/// </summary>
public static class PayloadFormat
{
    public const byte Version = 1;

    public const int HeaderLength = 2;
}
