using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Similarity.Grains.Serving;

namespace Similarity.Silo.Http;

/// <summary>Liveness (the process answers) and readiness (its models are loaded and the silo is active in the cluster).</summary>
public static class HealthEndpoints
{
    public static Task LiveAsync(HttpContext context)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync("ok\n");
    }

    public static Task ReadyAsync(HttpContext context)
    {
        var models = context.RequestServices.GetRequiredService<ServedModels>();
        var status = SiloStatusOf(context.RequestServices);
        context.Response.ContentType = "text/plain";
        if (models.IsLoaded && status == SiloStatus.Active)
        {
            return context.Response.WriteAsync("ready\n");
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        var reason = models.IsLoaded ? $"silo is {status.ToString().ToLowerInvariant()}" : "loading models";
        return context.Response.WriteAsync($"not ready: {reason}\n");
    }

    private static SiloStatus SiloStatusOf(IServiceProvider services)
    {
        var membership = services.GetRequiredService<IClusterMembershipService>();
        var local = services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        return membership.CurrentSnapshot.GetSiloStatus(local);
    }
}
