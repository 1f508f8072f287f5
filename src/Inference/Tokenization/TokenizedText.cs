namespace Similarity.Inference.Tokenization;

/// <summary>
/// One encoded text (or pair), what a model is fed: ids, type ids and masks, plus the tokens, their offsets
/// (UTF-16 indices into the input; pair tokens index their own text; special tokens and padding have (0, 0)),
/// and the word and sequence each token came from.
/// </summary>
public sealed class TokenizedText
{
    internal TokenizedText(
        int[] ids,
        int[] typeIds,
        int[] attentionMask,
        int[] specialTokensMask,
        string[] tokens,
        (int Start, int End)[] offsets,
        int?[] wordIds,
        int?[] sequenceIds,
        bool implicitSequence = false)
    {
        ImplicitSequence = implicitSequence;
        Ids = ids;
        TypeIds = typeIds;
        AttentionMask = attentionMask;
        SpecialTokensMask = specialTokensMask;
        Tokens = tokens;
        Offsets = offsets;
        WordIds = wordIds;
        SequenceIds = sequenceIds;
    }

    /// <summary>Vocabulary ids, the model's <c>input_ids</c>.</summary>
    public int[] Ids { get; }

    /// <summary>Segment of each token (0 for the first text, usually 1 for the pair), the model's <c>token_type_ids</c>.</summary>
    public int[] TypeIds { get; }

    /// <summary>1 for real tokens, 0 for padding.</summary>
    public int[] AttentionMask { get; }

    /// <summary>1 for tokens the post-processor or padding added, 0 for tokens from the text.</summary>
    public int[] SpecialTokensMask { get; }

    /// <summary>The token strings.</summary>
    public string[] Tokens { get; }

    /// <summary>Where each token comes from in its input text, in UTF-16 code units.</summary>
    public (int Start, int End)[] Offsets { get; }

    /// <summary>Index of the pre-tokenized word of each token within its text; null for special tokens and padding.</summary>
    public int?[] WordIds { get; }

    /// <summary>0 or 1: which text of the pair each token comes from; null for special tokens and padding.</summary>
    public int?[] SequenceIds { get; }

    /// <summary>Number of tokens, padding included.</summary>
    public int Length => Ids.Length;

    /// <summary>No post-processor assigned sequences, so padding too reports sequence 0 (as the Rust library does).</summary>
    internal bool ImplicitSequence { get; }

    /// <summary>A copy padded to <paramref name="length"/> with <paramref name="padding"/>; this instance when already long enough.</summary>
    internal TokenizedText PadTo(int length, PaddingOptions padding)
    {
        if (Length >= length)
        {
            return this;
        }

        var pads = length - Length;
        var offset = padding.Direction == PaddingDirection.Left ? pads : 0;
        var padFrom = offset == 0 ? Length : 0;
        return new TokenizedText(
            Padded(Ids, padding.PadId),
            Padded(TypeIds, padding.PadTypeId),
            Padded(AttentionMask, 0),
            Padded(SpecialTokensMask, 1),
            Padded(Tokens, padding.PadToken),
            Padded(Offsets, (0, 0)),
            Padded(WordIds, null),
            Padded(SequenceIds, ImplicitSequence ? 0 : null),
            ImplicitSequence);

        T[] Padded<T>(T[] source, T fill)
        {
            var result = new T[length];
            Array.Copy(source, 0, result, offset, source.Length);
            Array.Fill(result, fill, padFrom, pads);
            return result;
        }
    }
}
