using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Similarity.Grains.Contracts;
using Similarity.Grains.Serving;
using Similarity.Silo.Hosting;
using Similarity.Silo.Metrics;

namespace Similarity.Silo.Models;

/// <summary>
/// Loads every model the silo serves, side by side, and publishes them to <see cref="ServedModels"/>, as a step of the
/// Orleans silo's own start: the silo becomes active in the cluster (and placement can pick it) only once its models
/// answer, and a model that fails to load stops the silo with a message naming it. On stop, once the silo's grains are
/// gone, it releases the runtimes. The batchers' metrics are created with it: they observe the models it loads.
/// </summary>
internal sealed class ModelLoading(
    IOptions<SiloOptions> options,
    IModelLoader loader,
    ServedModels served,
#pragma warning disable CS9113 // injected so its observable instruments exist from the start
    BatcherMetrics batcherMetrics,
#pragma warning restore CS9113
    ILogger<ModelLoading> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ModelLoading), ServiceLifecycleStage.ApplicationServices, LoadAsync, ReleaseAsync);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var loads = settings.ModelBindings.Select(binding =>
        {
            logger.LogInformation("Loading model {Model} from {Path} for {Device}", binding.Name, binding.Path, settings.DeviceClass.Name());
            return loader.LoadAsync(binding, settings.LoadSettings, cancellationToken);
        }).ToArray();

        try
        {
            served.Publish(await Task.WhenAll(loads).ConfigureAwait(false));
        }
        catch
        {
            foreach (var load in loads.Where(l => l.IsCompletedSuccessfully))
            {
                await load.Result.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        logger.LogInformation("Serving {Models} on {Device}", string.Join(", ", served.Names), settings.DeviceClass.Name());
    }

    private async Task ReleaseAsync(CancellationToken cancellationToken) => await served.DisposeAsync().ConfigureAwait(false);
}
