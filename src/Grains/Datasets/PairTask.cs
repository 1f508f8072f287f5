namespace Similarity.Grains.Datasets;

/// <summary>A named set of sentence pairs with gold values: one line of an evaluation report.</summary>
public abstract class PairTask
{
    protected PairTask(string name, IReadOnlyList<string> first, IReadOnlyList<string> second, int goldCount)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count || first.Count != goldCount)
        {
            throw new ArgumentException($"Task '{name}' has {first.Count} first sentences, {second.Count} second sentences and {goldCount} gold values; they must match.");
        }

        Name = name;
        First = first;
        Second = second;
    }

    public string Name { get; }

    /// <summary>The first sentence of each pair (sentence1).</summary>
    public IReadOnlyList<string> First { get; }

    /// <summary>The second sentence of each pair (sentence2).</summary>
    public IReadOnlyList<string> Second { get; }

    public int Count => First.Count;
}
