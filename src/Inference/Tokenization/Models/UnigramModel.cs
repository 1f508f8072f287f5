namespace Similarity.Inference.Tokenization.Models;

/// <summary>
/// <c>Unigram</c> (SentencePiece): the segmentation with the highest total piece score, found by Viterbi over
/// a prefix trie. Ties keep the first candidate found (earliest start, then shortest piece), exactly as the
/// Rust library does; characters no piece covers score <c>min_score - 10</c> and consecutive ones are fused
/// into one unknown token (or spelled as <c>&lt;0xXX&gt;</c> byte pieces with <c>byte_fallback</c>).
/// </summary>
internal sealed class UnigramModel : ITokenizerModel
{
    private const double UnknownPenalty = 10.0;

    [ThreadStatic]
    private static Lattice? t_lattice;

    private readonly string[] _pieces;
    private readonly double[] _scores;
    private readonly Vocabulary _vocabulary;
    private readonly CharTrie _trie = new();
    private readonly int? _unknownId;
    private readonly bool _byteFallback;
    private readonly double _unknownScore;
    private readonly string[] _bytePieces = new string[256];

    public UnigramModel(IReadOnlyList<(string Piece, double Score)> pieces, int? unknownId, bool byteFallback)
    {
        _pieces = new string[pieces.Count];
        _scores = new double[pieces.Count];
        var ids = new Dictionary<string, int>(pieces.Count);
        var minScore = double.PositiveInfinity;
        for (var id = 0; id < pieces.Count; id++)
        {
            var (piece, score) = pieces[id];
            _pieces[id] = piece;
            _scores[id] = score;
            ids[piece] = id;
            _trie.Insert(piece, id);
            minScore = Math.Min(minScore, score);
        }

        _vocabulary = new Vocabulary(ids);
        _unknownId = unknownId;
        _byteFallback = byteFallback;
        _unknownScore = minScore - UnknownPenalty;
        for (var b = 0; b < 256; b++)
        {
            _bytePieces[b] = $"<0x{b:X2}>";
        }
    }

    public int VocabularySize => _pieces.Length;

    public void Tokenize(ReadOnlySpan<char> word, List<ModelToken> output)
    {
        if (word.IsEmpty)
        {
            return;
        }

        var lattice = t_lattice ??= new Lattice();
        lattice.Reset(word.Length);
        var score = lattice.Score;
        var from = lattice.From;
        var ids = lattice.Ids;
        for (var start = 0; start < word.Length;)
        {
            var here = score[start];
            var charLength = char.IsHighSurrogate(word[start]) && start + 1 < word.Length && char.IsLowSurrogate(word[start + 1]) ? 2 : 1;
            var hasSingleCharacter = false;
            var node = CharTrie.Root;
            for (var k = start; k < word.Length; k++)
            {
                node = _trie.Step(node, word[k]);
                if (node < 0)
                {
                    break;
                }

                var id = _trie.ValueAt(node);
                if (id < 0)
                {
                    continue;
                }

                var end = k + 1;
                var candidate = _scores[id] + here;
                if (from[end] < 0 || candidate > score[end])
                {
                    score[end] = candidate;
                    from[end] = start;
                    ids[end] = id;
                }

                hasSingleCharacter |= end - start == charLength;
            }

            if (!hasSingleCharacter)
            {
                var end = start + charLength;
                var candidate = _unknownScore + here;
                if (from[end] < 0 || candidate > score[end])
                {
                    score[end] = candidate;
                    from[end] = start;
                    ids[end] = _unknownId ?? throw new InvalidOperationException(
                        $"Unigram cannot tokenize '{word}': it has no piece for '{word.Slice(start, charLength)}' and no unk_id.");
                }
            }

            start += charLength;
        }

        var path = lattice.Path;
        path.Clear();
        for (var end = word.Length; end > 0;)
        {
            var start = from[end];
            var id = ids[end];
            if (id == _unknownId && path.Count > 0 && path[^1].Id == _unknownId)
            {
                path[^1] = (start, path[^1].End, id);
            }
            else
            {
                path.Add((start, end, id));
            }

            end = start;
        }

        for (var i = path.Count - 1; i >= 0; i--)
        {
            var (start, end, id) = path[i];
            if (id != _unknownId)
            {
                output.Add(new ModelToken(id, _pieces[id], start, end));
            }
            else
            {
                AddUnknown(word[start..end], start, output);
            }
        }
    }

    public int? TokenToId(ReadOnlySpan<char> token) => _vocabulary.TryGetId(token, out var id) ? id : null;

    public string? IdToToken(int id) => (uint)id < (uint)_pieces.Length ? _pieces[id] : null;

    private void AddUnknown(ReadOnlySpan<char> text, int offset, List<ModelToken> output)
    {
        var end = offset + text.Length;
        if (_vocabulary.TryGetId(text, out var known, out var knownId))
        {
            output.Add(new ModelToken(knownId, known, offset, end));
            return;
        }

        if (_byteFallback && TryAddBytes(text, offset, end, output))
        {
            return;
        }

        output.Add(new ModelToken(_unknownId!.Value, null, offset, end));
    }

    private bool TryAddBytes(ReadOnlySpan<char> text, int start, int end, List<ModelToken> output)
    {
        Span<byte> utf8 = stackalloc byte[256];
        var byteCount = System.Text.Encoding.UTF8.GetByteCount(text);
        var bytes = byteCount <= utf8.Length ? utf8[..byteCount] : new byte[byteCount];
        System.Text.Encoding.UTF8.GetBytes(text, bytes);
        foreach (var b in bytes)
        {
            if (!_vocabulary.TryGetId(_bytePieces[b], out _))
            {
                return false;
            }
        }

        foreach (var b in bytes)
        {
            _vocabulary.TryGetId(_bytePieces[b], out var id);
            output.Add(new ModelToken(id, _bytePieces[b], start, end));
        }

        return true;
    }

    private sealed class Lattice
    {
        public double[] Score { get; private set; } = new double[64];

        public int[] From { get; private set; } = new int[64];

        public int[] Ids { get; private set; } = new int[64];

        public List<(int Start, int End, int Id)> Path { get; } = [];

        public void Reset(int length)
        {
            if (Score.Length < length + 1)
            {
                var size = Math.Max(length + 1, Score.Length * 2);
                Score = new double[size];
                From = new int[size];
                Ids = new int[size];
            }

            Array.Fill(From, -1, 0, length + 1);
            Score[0] = 0;
        }
    }
}
