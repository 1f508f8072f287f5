namespace Similarity.Inference.Tokenization.Models;

/// <summary>A character trie over UTF-16 units for prefix searches (Unigram pieces, added tokens).</summary>
internal sealed class CharTrie
{
    private readonly Dictionary<long, int> _children = [];
    private readonly List<int> _values = [-1];

    public const int Root = 0;

    /// <summary>Stores <paramref name="value"/> (non-negative) at <paramref name="key"/>; a later insert of the same key wins.</summary>
    public void Insert(ReadOnlySpan<char> key, int value)
    {
        var node = Root;
        foreach (var c in key)
        {
            var edge = Edge(node, c);
            if (!_children.TryGetValue(edge, out var child))
            {
                child = _values.Count;
                _values.Add(-1);
                _children[edge] = child;
            }

            node = child;
        }

        _values[node] = value;
    }

    /// <summary>Follows <paramref name="c"/> from <paramref name="node"/>; -1 when there is no such edge.</summary>
    public int Step(int node, char c) => _children.TryGetValue(Edge(node, c), out var child) ? child : -1;

    /// <summary>The value stored at <paramref name="node"/>, or -1 when no key ends there.</summary>
    public int ValueAt(int node) => _values[node];

    private static long Edge(int node, char c) => ((long)node << 16) | c;
}
