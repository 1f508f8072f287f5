namespace Similarity.Grains.Kernels.Scanning;

/// <summary>A corpus row and its float64 score, ordered best first: higher score, ties to the lower id.</summary>
internal readonly record struct RankedHit(int Id, double Score) : IComparable<RankedHit>
{
    public int CompareTo(RankedHit other)
    {
        var byScore = other.Score.CompareTo(Score);
        return byScore != 0 ? byScore : Id.CompareTo(other.Id);
    }
}
