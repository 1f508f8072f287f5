using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Similarity.Silo.Schema;

/// <summary>
/// Creates or upgrades the cluster's schema before the silo's Orleans providers first touch it: registered before
/// Orleans, so a new database needs no separate step, and silos starting together wait on one another's migration.
/// </summary>
internal sealed class SchemaMigrationService(string connectionString, ILogger<SchemaMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var result = await ClusterSchema.MigrateAsync(connectionString, cancellationToken).ConfigureAwait(false);
        if (result.Applied.Count > 0)
        {
            logger.LogInformation(
                "Migrated the cluster schema of {Database} from version {From} to {To}", result.Database, result.PreviousVersion, result.Version);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
