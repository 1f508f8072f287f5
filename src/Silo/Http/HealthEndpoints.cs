using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Similarity.Silo.Hosting;

namespace Similarity.Silo.Http;

/// <summary>Liveness (the process answers) and readiness (models loaded, queues consumed, not shutting down).</summary>
public static class HealthEndpoints
{
    public static Task LiveAsync(HttpContext context)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync("ok\n");
    }

    public static Task ReadyAsync(HttpContext context)
    {
        var silo = context.RequestServices.GetRequiredService<SiloService>();
        context.Response.ContentType = "text/plain";
        if (silo.IsReady)
        {
            return context.Response.WriteAsync("ready\n");
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return context.Response.WriteAsync($"not ready: {silo.Status}\n");
    }
}
