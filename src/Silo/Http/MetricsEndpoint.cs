using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Similarity.Grains.Contracts;
using Similarity.Silo.Fabric;
using Similarity.Silo.Hosting;
using Similarity.Silo.Metrics;

namespace Similarity.Silo.Http;

/// <summary><c>GET /metrics</c>: refreshes the queue gauges from the fabric and the batcher series from the models, then writes the Prometheus text format.</summary>
public static class MetricsEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var metrics = services.GetRequiredService<SiloMetrics>();
        var silo = services.GetRequiredService<SiloService>();
        var fabric = services.GetRequiredService<IGrainFabric>();
        foreach (var subscription in silo.Subscriptions)
        {
            var labels = SiloMetrics.WorkerLabels(subscription.Key);
            metrics.InFlight.WithLabels(labels).Set(subscription.InFlight);
            try
            {
                if (await fabric.InspectAsync(subscription.Key, context.RequestAborted).ConfigureAwait(false) is { } queue)
                {
                    metrics.QueueDepth.WithLabels(labels).Set(queue.Messages);
                    metrics.QueueConsumers.WithLabels(labels).Set(queue.Consumers);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MetricsEndpoint))
                    .LogDebug(e, "Could not read the depth of {Worker}", subscription.Key);
            }
        }

        foreach (var model in silo.Models)
        {
            if (model.Statistics is { } statistics)
            {
                metrics.Batcher.Record(SiloMetrics.WorkerLabels(new WorkerKey(model.Name, silo.Identity.Device)), statistics);
            }
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        metrics.Registry.WriteTo(text);
        context.Response.ContentType = PrometheusTextFormat.ContentType;
        await context.Response.WriteAsync(text.ToString(), context.RequestAborted).ConfigureAwait(false);
    }
}
