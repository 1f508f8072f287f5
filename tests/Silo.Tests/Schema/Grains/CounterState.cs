namespace Similarity.Silo.Tests.Schema.Grains;

[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)]
    public int Count { get; set; }
}
