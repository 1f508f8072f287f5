namespace Similarity.Silo.Fabric.Codec;

/// <summary>What a payload holds; the second byte of every payload. Values never change meaning.</summary>
public enum PayloadKind : byte
{
    EncodeRequest = 1,
    PredictRequest = 2,
    MatrixReply = 3,
    ErrorReply = 4,

    /// <summary>A matrix reply that also says how many tokens the model read to compute it.</summary>
    CountedMatrixReply = 5,
}
