using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Similarity.Client.Calls;

namespace Similarity.Client;

/// <summary>
/// Registers an Orleans cluster client for the similarity cluster (started and stopped by the host) and
/// <see cref="SimilarityClient"/> over it, also as Microsoft.Extensions.AI's embedding generator.
/// </summary>
public static class SimilarityServiceCollectionExtensions
{
    public static IServiceCollection AddSimilarityClient(this IServiceCollection services, Action<SimilarityClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SimilarityClientOptions>().Configure(configure).Validate(
            options =>
            {
                options.Validate();
                return !string.IsNullOrEmpty(options.Cluster);
            },
            "SimilarityClientOptions.Cluster (the cluster's PostgreSQL connection string) is required.");
        var gatewayLoss = new GatewayLossSignal();
        services.AddOrleansClient(client => ClusterClientConfiguration.Apply(client, gatewayLoss));
        services.AddSingleton(sp => new SimilarityClient(
            sp.GetRequiredService<IClusterClient>(), sp.GetRequiredService<IOptions<SimilarityClientOptions>>().Value, gatewayLoss, owned: null));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<SimilarityClient>());
        return services;
    }
}
