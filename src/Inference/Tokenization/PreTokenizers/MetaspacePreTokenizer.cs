using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.PreTokenizers;

/// <summary>
/// <c>Metaspace</c> (SentencePiece style): spaces become the replacement character (▁), which is prepended per
/// <see cref="PrependScheme"/>, and with <c>split</c> each piece is cut in front of every replacement character.
/// </summary>
internal sealed class MetaspacePreTokenizer : IPreTokenizer, IPieceSplitter
{
    private static readonly CharacterPattern Space = new(c => c == ' ');
    private readonly char _replacement;
    private readonly string _replacementText;
    private readonly PrependScheme _scheme;
    private readonly bool _split;
    private readonly CharacterPattern _replacementPattern;

    public MetaspacePreTokenizer(char replacement, PrependScheme scheme, bool split)
    {
        _replacement = replacement;
        _replacementText = replacement.ToString();
        _scheme = scheme;
        _split = split;
        _replacementPattern = new CharacterPattern(c => c == replacement);
    }

    public void PreTokenize(PreTokenizedString text) => text.Split(this);

    public void SplitPiece(NormalizedString piece, PreTokenizedString output)
    {
        Space.FindMatches(piece.Text, output.Matches);
        piece.Replace(output.Matches, _replacementText);
        var startsWithReplacement = piece.Length > 0 && piece.Text[0] == _replacement;
        if (!startsWithReplacement && (_scheme == PrependScheme.Always || (_scheme == PrependScheme.First && piece.OriginalStart == 0)))
        {
            piece.Prepend(_replacementText);
        }

        if (_split)
        {
            _replacementPattern.FindMatches(piece.Text, output.Matches);
            piece.SplitInto(output.Matches, SplitDelimiterBehavior.MergedWithNext, output);
        }
        else
        {
            output.Add(piece);
        }
    }
}
