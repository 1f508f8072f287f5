using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Similarity.Silo.Models;

namespace Similarity.Client;

/// <summary>Registers <see cref="SimilarityClient"/>, also as Microsoft.Extensions.AI's embedding generator.</summary>
public static class SimilarityServiceCollectionExtensions
{
    public static IServiceCollection AddSimilarityClient(this IServiceCollection services, Action<SimilarityClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SimilarityClientOptions>().Configure(configure);
        services.AddSingleton(sp => new SimilarityClient(sp.GetRequiredService<IOptions<SimilarityClientOptions>>(), sp.GetService<IModelLoader>()));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<SimilarityClient>());
        return services;
    }
}
