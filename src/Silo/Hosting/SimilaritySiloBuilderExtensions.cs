using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Similarity.Grains.Encoders;
using Similarity.Grains.Placement;
using Similarity.Grains.Serving;
using Similarity.Silo.Metrics;
using Similarity.Silo.Models;

namespace Similarity.Silo.Hosting;

/// <summary>
/// What a silo adds to Orleans to serve models, whatever its clustering: its settings, its models (loaded during the
/// silo's start), the silo metadata and placement filter that send each model's requests to silos serving it, and the
/// workers' and batchers' metrics. <c>simctl silo</c>, embedded silos and Orleans test clusters all use it.
/// </summary>
public static class SimilaritySiloBuilderExtensions
{
    /// <summary>Serves <paramref name="options"/>' models; <paramref name="httpEndpoint"/> is published for tools when the silo has HTTP.</summary>
    public static ISiloBuilder AddSimilarityServing(this ISiloBuilder silo, SiloOptions options, Uri? httpEndpoint = null)
    {
        var role = new SiloRole(options.DeviceClass, options.Models.Keys.ToHashSet(StringComparer.Ordinal), httpEndpoint?.ToString().TrimEnd('/'));
        silo.UseSiloMetadata(role.ToMetadata());
        silo.Services.AddPlacementFilter<ServedModelPlacementFilterStrategy, ServedModelPlacementFilterDirector>(ServiceLifetime.Singleton);

        var services = silo.Services;
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<ServedModels>();
        services.TryAddSingleton<IModelLoader>(sp => options.ModelLoader is { } type
            ? ModelLoaderActivator.Create(type, sp)
            : new ModelFolderLoader());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ModelLoading>();
        services.AddMetrics();
        services.AddSingleton<WorkerMetrics>();
        services.AddSingleton<BatcherMetrics>();
        return silo;
    }
}
