namespace Similarity.Silo.Tests.Schema.Grains;

/// <summary>Collects the numbers published on its stream (namespace <see cref="NumberSinkGrain.Namespace"/>, same id).</summary>
public interface INumberSinkGrain : IGrainWithGuidKey
{
    Task<int[]> Received();
}
