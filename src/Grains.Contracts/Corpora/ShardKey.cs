using System.Globalization;

namespace Similarity.Grains.Contracts.Corpora;

/// <summary>Which shard of which corpus: the key of a shard grain, <c>CORPUS/INDEX</c> (corpus names never contain '/').</summary>
public readonly record struct ShardKey(string Corpus, int Index)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Corpus}/{Index}");

    /// <summary>Reads a key written by <see cref="ToString"/>; anything else is a <see cref="FormatException"/> naming it.</summary>
    public static ShardKey Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.LastIndexOf('/');
        if (slash <= 0
            || !CorpusNames.IsValid(key[..slash])
            || !int.TryParse(key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw new FormatException($"'{key}' is not a shard key (CORPUS/INDEX, e.g. questions/0)");
        }

        return new ShardKey(key[..slash], index);
    }
}
