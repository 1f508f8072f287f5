namespace Similarity.Grains.Contracts.Corpora.Ingest;

/// <summary>
/// What an add is about to publish, checked by the corpus before anything is sent: <see cref="Rows"/> rows in
/// <see cref="Batches"/> batches of <see cref="Content"/>, <see cref="Dimension"/> values wide (for texts: the width the
/// model answered with), spread over <see cref="Lanes"/> streams. <see cref="Model"/>, when given, must be the corpus's model.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record IngestPlan(
    [property: Id(0)] IngestContent Content,
    [property: Id(1)] long Rows,
    [property: Id(2)] int Batches,
    [property: Id(3)] int Dimension,
    [property: Id(4)] int Lanes,
    [property: Id(5)] DeviceClass Device,
    [property: Id(6)] string? Model = null,
    [property: Id(7)] string? Source = null)
{
    /// <summary>Most lanes (parallel streams) one add may use.</summary>
    public const int MaxLanes = 64;
}
