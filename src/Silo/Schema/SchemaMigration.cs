namespace Similarity.Silo.Schema;

/// <summary>One versioned step of the cluster database schema, from an embedded <c>NNNN_name.sql</c> file.</summary>
/// <param name="Version">Its place in the order of steps, from 1, without gaps.</param>
/// <param name="Name">The file name without number and extension, recorded with the version.</param>
/// <param name="Sql">The statements, run in one transaction.</param>
public sealed record SchemaMigration(int Version, string Name, string Sql)
{
    /// <summary>The embedded file it came from, for messages.</summary>
    public string FileName => $"{Version:D4}_{Name}.sql";
}
