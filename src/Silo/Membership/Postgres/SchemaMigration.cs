namespace Similarity.Silo.Membership.Postgres;

/// <summary>One versioned step of the database schema; applied once, in order, and recorded.</summary>
public sealed record SchemaMigration(int Version, string Description, string Sql);
