using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Similarity.Client;
using Similarity.Grains.Contracts;
using Similarity.Grains.Evaluation.Jobs;
using Similarity.Silo.Schema;
using Similarity.Silo.Tests.Cluster;
using Similarity.Silo.Tests.Doubles;
using Similarity.Silo.Tests.Servers;

namespace Similarity.Silo.Tests.Evaluation;

/// <summary>
/// An Orleans test cluster for evaluation jobs: <see cref="ModelCluster"/> silos serving the bert-mean fixture as
/// <c>mini</c> and the ALBERT cross-encoder as <c>cross</c>, keeping grain state and reminders in a fresh, migrated
/// PostgreSQL database through the ADO.NET providers, as <c>simctl silo --cluster</c> does: a killed silo's jobs and
/// tasks come back from there. Reminders may tick every second here, so a test can watch one resume a job.
/// </summary>
public sealed class EvaluationCluster : IAsyncDisposable
{
    public const string BiEncoder = "mini";
    public const string CrossEncoder = "cross";

    private EvaluationCluster(ModelCluster cluster, string database) => (Models, Database) = (cluster, database);

    public ModelCluster Models { get; }

    /// <summary>The connection string of the cluster's grain state and reminders.</summary>
    public string Database { get; }

    public IClusterClient Client => Models.Client;

    /// <summary>Starts <paramref name="silos"/> silos; <paramref name="jobs"/> adjusts the evaluation jobs' options.</summary>
    public static async Task<EvaluationCluster> StartAsync(PostgresDatabases databases, int silos = 2, Action<EvaluationJobOptions>? jobs = null)
    {
        var database = await databases.CreateAsync();
        await ClusterSchema.MigrateAsync(database, default);
        var models = new Dictionary<string, string>
        {
            [BiEncoder] = ClusterTestModel.BiEncoder.Folder,
            [CrossEncoder] = ClusterTestModel.CrossEncoder.Folder,
        };
        var specs = Enumerable.Range(0, silos).Select(_ => new SiloSpec(DeviceClass.Cpu, models)).ToArray();
        var cluster = await ModelCluster.StartAsync(specs, silo =>
        {
            silo.AddAdoNetGrainStorageAsDefault(storage => (storage.Invariant, storage.ConnectionString) = (ClusterSchema.Invariant, database));
            silo.UseAdoNetReminderService(reminders => (reminders.Invariant, reminders.ConnectionString) = (ClusterSchema.Invariant, database));
            silo.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            if (jobs is not null)
            {
                silo.Services.Configure(jobs);
            }
        });
        return new EvaluationCluster(cluster, database);
    }

    /// <summary>An SDK client of the cluster, as a connected client retries.</summary>
    public SimilarityClient Sdk() => Models.Sdk();

    public ValueTask DisposeAsync() => Models.DisposeAsync();
}
