using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Similarity.Grains.Encoders;

namespace Similarity.Silo.Metrics;

/// <summary>
/// OpenTelemetry metrics of a silo, exported in Prometheus' text format on <c>/metrics</c>: this project's meters
/// (workers, batchers, HTTP errors), Orleans' own, ASP.NET Core's and the .NET runtime's.
/// </summary>
public static class SiloTelemetry
{
    /// <summary>The meters a silo exports besides its own.</summary>
    public static readonly string[] ExternalMeters = ["Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime"];

    public static IServiceCollection AddSiloTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(WorkerMetrics.MeterName, BatcherMetrics.MeterName, HttpMetrics.MeterName)
            .AddMeter(ExternalMeters)
            .AddPrometheusExporter());
        return services;
    }
}
