using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Orleans.Dashboard;

namespace Similarity.Silo.Http;

/// <summary>Every HTTP route a silo serves, in one place.</summary>
public static class SiloRoutes
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/embeddings", EmbeddingsEndpoint.HandleAsync);
        endpoints.MapGet("/healthz", HealthEndpoints.LiveAsync);
        endpoints.MapGet("/readyz", HealthEndpoints.ReadyAsync);
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        endpoints.MapOrleansDashboard("/dashboard");
        return endpoints;
    }
}
