using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Similarity.Grains.Encoders;
using Similarity.Grains.Serving;
using Similarity.Silo.Metrics;
using Similarity.Silo.Models;

namespace Similarity.Silo.Hosting;

/// <summary>Registers what a silo adds to Orleans: its settings, its models and their loader, metrics. A loader registered before wins.</summary>
public static class SiloServiceCollectionExtensions
{
    public static IServiceCollection AddSimilaritySilo(this IServiceCollection services, SiloSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(Options.Create(settings.Options));
        services.AddSingleton<ServedModels>();
        services.TryAddSingleton<IModelLoader>(sp => settings.Options.ModelLoader is { } type
            ? ModelLoaderActivator.Create(type, sp)
            : new ModelFolderLoader());
        services.AddMetrics();
        services.AddSingleton<WorkerMetrics>();
        services.AddSingleton<HttpMetrics>();
        services.AddSiloTelemetry();
        return services;
    }
}
