namespace Similarity.Inference.Tokenization.Models;

/// <summary>Token strings to ids and back, looked up by span so tokenizing a word allocates no strings.</summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string?[] _tokens;

    public Vocabulary(Dictionary<string, int> ids)
    {
        _ids = ids;
        _lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var size = 0;
        foreach (var id in ids.Values)
        {
            size = Math.Max(size, id + 1);
        }

        _tokens = new string?[size];
        foreach (var (token, id) in ids)
        {
            if (id >= 0)
            {
                _tokens[id] = token;
            }
        }
    }

    public int Count => _ids.Count;

    public bool TryGetId(ReadOnlySpan<char> token, out int id) => _lookup.TryGetValue(token, out id);

    /// <summary>The id and the vocabulary's own string for <paramref name="token"/>.</summary>
    public bool TryGetId(ReadOnlySpan<char> token, out string value, out int id) => _lookup.TryGetValue(token, out value!, out id);

    public string? TokenOf(int id) => (uint)id < (uint)_tokens.Length ? _tokens[id] : null;
}
