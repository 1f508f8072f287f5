namespace Similarity.Inference.Tokenization;

/// <summary>
/// How encodings are padded: to <see cref="FixedLength"/>, or (when it is null) to the longest encoding of the
/// batch; then up to a multiple of <see cref="PadToMultipleOf"/>. Longer encodings are never cut.
/// </summary>
public sealed record PaddingOptions(
    int? FixedLength = null,
    int? PadToMultipleOf = null,
    PaddingDirection Direction = PaddingDirection.Right,
    int PadId = 0,
    int PadTypeId = 0,
    string PadToken = "[PAD]")
{
    /// <summary>The padded length for a batch whose longest encoding has <paramref name="longest"/> tokens.</summary>
    public int TargetLength(int longest)
    {
        var length = FixedLength ?? longest;
        if (PadToMultipleOf is > 0 and var multiple && length % multiple != 0)
        {
            length += multiple - (length % multiple);
        }

        return length;
    }
}
