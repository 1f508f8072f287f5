using Similarity.Silo.Schema;

namespace Similarity.Silo.Hosting;

/// <summary>
/// The official ADO.NET providers on the cluster's PostgreSQL: membership, grain state (default storage) and reminders.
/// They run the SQL they find in the <c>orleansquery</c> table, which the schema migration (<see cref="ClusterSchema"/>) writes.
/// </summary>
internal static class ClusterStorage
{
    public static void Apply(ISiloBuilder silo, string connectionString)
    {
        silo.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = ClusterSchema.Invariant;
            clustering.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorageAsDefault(storage =>
        {
            storage.Invariant = ClusterSchema.Invariant;
            storage.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = ClusterSchema.Invariant;
            reminders.ConnectionString = connectionString;
        });
    }
}
