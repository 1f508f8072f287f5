namespace Similarity.Inference.Tokenization.PostProcessors;

/// <summary>
/// <c>TemplateProcessing</c>: lays out the text(s) and special tokens as the <c>single</c> or <c>pair</c>
/// template says; each piece sets the type id of its tokens (even when special tokens are not added).
/// </summary>
internal sealed class TemplateProcessing : IPostProcessor
{
    private readonly TemplatePiece[] _single;
    private readonly TemplatePiece[] _pair;
    private readonly IReadOnlyDictionary<string, TemplateSpecialToken> _specialTokens;
    private readonly int _singleAddedTokens;
    private readonly int _pairAddedTokens;

    public TemplateProcessing(TemplatePiece[] single, TemplatePiece[] pair, IReadOnlyDictionary<string, TemplateSpecialToken> specialTokens)
    {
        _single = single;
        _pair = pair;
        _specialTokens = specialTokens;
        _singleAddedTokens = CountSpecialTokens(single);
        _pairAddedTokens = CountSpecialTokens(pair);
    }

    public int AddedTokenCount(bool isPair) => isPair ? _pairAddedTokens : _singleAddedTokens;

    public void Process(EncodingBuffer first, EncodingBuffer? second, bool addSpecialTokens, EncodingBuffer output)
    {
        foreach (var piece in second is null ? _single : _pair)
        {
            if (piece.Sequence is { } sequence)
            {
                var source = sequence == 0 ? first : second;
                if (source is not null)
                {
                    output.Append(source, sequence, piece.TypeId);
                }
            }
            else if (addSpecialTokens)
            {
                var special = _specialTokens[piece.SpecialToken!];
                for (var i = 0; i < special.Ids.Length; i++)
                {
                    output.AddSpecial(special.Ids[i], special.Tokens[i], piece.TypeId);
                }
            }
        }
    }

    private int CountSpecialTokens(TemplatePiece[] template)
    {
        var count = 0;
        foreach (var piece in template)
        {
            if (piece.SpecialToken is { } name)
            {
                count += _specialTokens[name].Ids.Length;
            }
        }

        return count;
    }
}
