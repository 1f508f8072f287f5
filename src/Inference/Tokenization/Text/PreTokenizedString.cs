namespace Similarity.Inference.Tokenization.Text;

/// <summary>
/// The input cut into splits (Hugging Face's <c>PreTokenizedString</c>): added tokens found in the text, then
/// the words pre-tokenizers produce. A split that already carries a token is never cut again.
/// </summary>
internal sealed class PreTokenizedString
{
    private List<TextSplit> _splits = [];
    private List<TextSplit> _next = [];

    /// <summary>Scratch list patterns fill with their matches (reused across calls).</summary>
    public List<PatternMatch> Matches { get; } = [];

    /// <summary>Scratch list of the ranges a split behaviour keeps.</summary>
    public List<(int Start, int End)> Ranges { get; } = [];

    public int Count => _splits.Count;

    public TextSplit this[int index] => _splits[index];

    public void Reset(NormalizedString? whole)
    {
        _splits.Clear();
        _next.Clear();
        if (whole is { IsEmpty: false })
        {
            _splits.Add(new TextSplit(whole, -1, null));
        }
    }

    /// <summary>Lets <paramref name="splitter"/> cut every split that has no token yet; empty pieces are dropped.</summary>
    public void Split(IPieceSplitter splitter)
    {
        _next.Clear();
        foreach (var split in _splits)
        {
            if (split.HasToken)
            {
                _next.Add(split);
            }
            else
            {
                splitter.SplitPiece(split.Text, this);
            }
        }

        (_splits, _next) = (_next, _splits);
        _next.Clear();
    }

    /// <summary>Adds a piece produced by the current <see cref="Split"/> call.</summary>
    public void Add(NormalizedString piece)
    {
        if (!piece.IsEmpty)
        {
            _next.Add(new TextSplit(piece, -1, null));
        }
    }

    /// <summary>Adds a piece that is one known token (an added token found in the text); a null <paramref name="value"/> spells it as the piece.</summary>
    public void AddToken(NormalizedString piece, int tokenId, string? value)
    {
        if (!piece.IsEmpty)
        {
            _next.Add(new TextSplit(piece, tokenId, value));
        }
    }
}
