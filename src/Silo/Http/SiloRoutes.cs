using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Similarity.Silo.Metrics;

namespace Similarity.Silo.Http;

/// <summary>Every HTTP route a silo serves, in one place.</summary>
public static class SiloRoutes
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/embeddings", Timed("/v1/embeddings", EmbeddingsEndpoint.HandleAsync));
        endpoints.MapGet("/healthz", Timed("/healthz", HealthEndpoints.LiveAsync));
        endpoints.MapGet("/readyz", Timed("/readyz", HealthEndpoints.ReadyAsync));
        endpoints.MapGet("/metrics", MetricsEndpoint.HandleAsync);
        return endpoints;
    }

    /// <summary>Wraps a handler to count it by status code and time it end to end.</summary>
    private static RequestDelegate Timed(string route, RequestDelegate handler)
    {
        return async context =>
        {
            var metrics = context.RequestServices.GetRequiredService<SiloMetrics>();
            var started = Stopwatch.GetTimestamp();
            try
            {
                await handler(context).ConfigureAwait(false);
            }
            finally
            {
                metrics.HttpDuration.WithLabels(route).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
                metrics.HttpRequests.WithLabels(route, context.Response.StatusCode.ToString(CultureInfo.InvariantCulture)).Increment();
            }
        };
    }
}
