namespace Similarity.Inference.Tokenization.PostProcessors;

/// <summary>
/// <c>TemplateProcessing</c>: lays out the text(s) and special tokens as the <c>single</c> or <c>pair</c>
/// template says; each piece sets the type id of its tokens (even when special tokens are not added).
/// </summary>
internal sealed class TemplateProcessing(
    IReadOnlyList<TemplatePiece> single,
    IReadOnlyList<TemplatePiece> pair,
    IReadOnlyDictionary<string, TemplateSpecialToken> specialTokens) : IPostProcessor
{
    public int AddedTokenCount(bool isPair)
    {
        var count = 0;
        foreach (var piece in isPair ? pair : single)
        {
            if (piece.SpecialToken is { } name)
            {
                count += specialTokens[name].Ids.Length;
            }
        }

        return count;
    }

    public void Process(EncodingBuffer first, EncodingBuffer? second, bool addSpecialTokens, EncodingBuffer output)
    {
        foreach (var piece in second is null ? single : pair)
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
                var special = specialTokens[piece.SpecialToken!];
                for (var i = 0; i < special.Ids.Length; i++)
                {
                    output.AddSpecial(special.Ids[i], special.Tokens[i], piece.TypeId);
                }
            }
        }
    }
}
