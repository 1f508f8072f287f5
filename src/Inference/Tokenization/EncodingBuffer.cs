using Similarity.Inference.Tokenization.Models;
using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization;

/// <summary>
/// A growing encoding (Hugging Face's <c>Encoding</c>) reused across calls: parallel lists of ids, type ids,
/// token strings, offsets, word and sequence indices (-1 for none) and the special-tokens mask (every token in it
/// is attended to; padding is added only when it is turned into a <see cref="TokenizedText"/>). With
/// <see cref="IdsOnly"/> only the ids and type ids are kept (what a model is fed); the other lists then stay empty.
/// </summary>
internal sealed class EncodingBuffer
{
    public List<int> Ids { get; } = [];

    public List<int> TypeIds { get; } = [];

    public List<string> Tokens { get; } = [];

    public List<(int Start, int End)> Offsets { get; } = [];

    public List<int> WordIds { get; } = [];

    public List<int> SequenceIds { get; } = [];

    public List<int> SpecialTokensMask { get; } = [];

    /// <summary>Keep only ids and type ids: token strings, offsets, word and sequence ids and the mask are not built.</summary>
    public bool IdsOnly { get; private set; }

    /// <summary>
    /// True when no post-processor assigned sequences: like the Rust library, every position (padding
    /// included) then reports sequence 0.
    /// </summary>
    public bool ImplicitSequence { get; set; }

    public int Count => Ids.Count;

    /// <summary>Empties the buffer for a new encoding, which keeps everything or, with <paramref name="idsOnly"/>, only the ids.</summary>
    public void Clear(bool idsOnly)
    {
        Ids.Clear();
        TypeIds.Clear();
        Tokens.Clear();
        Offsets.Clear();
        WordIds.Clear();
        SequenceIds.Clear();
        SpecialTokensMask.Clear();
        IdsOnly = idsOnly;
        ImplicitSequence = false;
    }

    /// <summary>
    /// Adds a token of word <paramref name="wordIndex"/> (<paramref name="word"/>, the token's span being relative to it);
    /// a token without a value is spelled as its span of the word, which is made into a string only when tokens are kept.
    /// </summary>
    public void AddWordToken(ModelToken token, int typeId, NormalizedString word, int wordIndex)
    {
        if (IdsOnly)
        {
            Ids.Add(token.Id);
            TypeIds.Add(typeId);
            return;
        }

        var value = token.Value ?? word.Text[token.Start..token.End].ToString();
        Add(token.Id, typeId, value, word.OriginalRange(token.Start, token.End), wordIndex, 0, 0);
    }

    /// <summary>Adds a special token: no word, no sequence, offsets (0, 0), special mask 1.</summary>
    public void AddSpecial(int id, string token, int typeId) => Add(id, typeId, token, (0, 0), -1, -1, 1);

    /// <summary>
    /// Appends <paramref name="source"/>'s tokens, as sequence <paramref name="sequenceId"/>; a non-null
    /// <paramref name="typeId"/> replaces their type ids.
    /// </summary>
    public void Append(EncodingBuffer source, int sequenceId, int? typeId = null)
    {
        for (var i = 0; i < source.Count; i++)
        {
            Ids.Add(source.Ids[i]);
            TypeIds.Add(typeId ?? source.TypeIds[i]);
        }

        if (IdsOnly)
        {
            return;
        }

        for (var i = 0; i < source.Count; i++)
        {
            Tokens.Add(source.Tokens[i]);
            Offsets.Add(source.Offsets[i]);
            WordIds.Add(source.WordIds[i]);
            SequenceIds.Add(sequenceId);
            SpecialTokensMask.Add(source.SpecialTokensMask[i]);
        }
    }

    /// <summary>Keeps at most <paramref name="maxLength"/> tokens, dropping from the end or, with <see cref="TruncationDirection.Left"/>, the start.</summary>
    public void Truncate(int maxLength, TruncationDirection direction)
    {
        var excess = Count - Math.Max(maxLength, 0);
        if (excess <= 0)
        {
            return;
        }

        var from = direction == TruncationDirection.Right ? Count - excess : 0;
        Ids.RemoveRange(from, excess);
        TypeIds.RemoveRange(from, excess);
        if (IdsOnly)
        {
            return;
        }

        Tokens.RemoveRange(from, excess);
        Offsets.RemoveRange(from, excess);
        WordIds.RemoveRange(from, excess);
        SequenceIds.RemoveRange(from, excess);
        SpecialTokensMask.RemoveRange(from, excess);
    }

    /// <summary>The finished encoding, padded to <paramref name="length"/> when <paramref name="padding"/> is given and it is shorter.</summary>
    public TokenizedText ToTokenizedText(int length, PaddingOptions? padding)
    {
        if (IdsOnly)
        {
            throw new InvalidOperationException("An ids-only encoding has no tokens, offsets or masks to return.");
        }

        var count = Count;
        var total = padding is null ? count : Math.Max(count, length);
        var pads = total - count;
        var offset = padding is { Direction: PaddingDirection.Left } ? pads : 0;
        var ids = new int[total];
        var typeIds = new int[total];
        var attention = new int[total];
        var special = new int[total];
        var tokens = new string[total];
        var offsets = new (int Start, int End)[total];
        var words = new int?[total];
        var sequences = new int?[total];
        for (var i = 0; i < count; i++)
        {
            var at = offset + i;
            ids[at] = Ids[i];
            typeIds[at] = TypeIds[i];
            attention[at] = 1;
            special[at] = SpecialTokensMask[i];
            tokens[at] = Tokens[i];
            offsets[at] = Offsets[i];
            words[at] = WordIds[i] < 0 ? null : WordIds[i];
            sequences[at] = ImplicitSequence ? 0 : SequenceIds[i] < 0 ? null : SequenceIds[i];
        }

        if (pads > 0)
        {
            var from = offset == 0 ? count : 0;
            for (var at = from; at < from + pads; at++)
            {
                ids[at] = padding!.PadId;
                typeIds[at] = padding.PadTypeId;
                special[at] = 1;
                tokens[at] = padding.PadToken;
                sequences[at] = ImplicitSequence ? 0 : null;
            }
        }

        return new TokenizedText(ids, typeIds, attention, special, tokens, offsets, words, sequences, ImplicitSequence);
    }

    private void Add(int id, int typeId, string token, (int Start, int End) offsets, int wordId, int sequenceId, int special)
    {
        Ids.Add(id);
        TypeIds.Add(typeId);
        if (IdsOnly)
        {
            return;
        }

        Tokens.Add(token);
        Offsets.Add(offsets);
        WordIds.Add(wordId);
        SequenceIds.Add(sequenceId);
        SpecialTokensMask.Add(special);
    }
}
