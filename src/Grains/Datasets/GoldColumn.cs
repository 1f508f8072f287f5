namespace Similarity.Grains.Datasets;

/// <summary>What the first column of a pair file holds.</summary>
public enum GoldColumn
{
    /// <summary>A similarity score (a finite number, within the file's <see cref="ScoreScale"/>).</summary>
    Score,

    /// <summary>A binary label, exactly <c>0</c> or <c>1</c>.</summary>
    Label,
}
