namespace Similarity.Grains.Datasets;

/// <summary>A pair-classification task (paraphrase, duplicate question): pairs with gold labels 0 or 1.</summary>
public sealed class ClassificationTask : PairTask
{
    public ClassificationTask(string name, IReadOnlyList<string> first, IReadOnlyList<string> second, int[] labels)
        : base(name, first, second, labels?.Length ?? throw new ArgumentNullException(nameof(labels)))
    {
        Labels = labels;
    }

    /// <summary>Gold label of each pair: 1 = paraphrase/duplicate, 0 = not.</summary>
    public int[] Labels { get; }
}
