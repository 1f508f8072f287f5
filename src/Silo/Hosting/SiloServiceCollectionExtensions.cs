using Microsoft.Extensions.DependencyInjection;
using Similarity.Silo.Metrics;

namespace Similarity.Silo.Hosting;

/// <summary>Registers what a silo process adds around Orleans: its settings and its telemetry export.</summary>
public static class SiloServiceCollectionExtensions
{
    public static IServiceCollection AddSimilaritySiloProcess(this IServiceCollection services, SiloSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<HttpMetrics>();
        services.AddSiloTelemetry();
        return services;
    }
}
