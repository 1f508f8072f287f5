namespace Similarity.Silo.Hosting;

/// <summary>
/// The official ADO.NET providers on the cluster's PostgreSQL: membership, grain state (default storage) and reminders.
/// They run the SQL they find in the <c>orleansquery</c> table, which the schema migration writes.
/// </summary>
internal static class ClusterStorage
{
    /// <summary>The ADO.NET invariant name the providers know Npgsql by.</summary>
    public const string Invariant = "Npgsql";

    public static void Apply(ISiloBuilder silo, string connectionString)
    {
        silo.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = Invariant;
            clustering.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorageAsDefault(storage =>
        {
            storage.Invariant = Invariant;
            storage.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = Invariant;
            reminders.ConnectionString = connectionString;
        });
    }
}
