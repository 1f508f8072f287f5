namespace Similarity.Silo.Tests.Schema;

/// <summary>Schema tests that need only databases (no silos) share one PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class SchemaDatabasesCollection : ICollectionFixture<SchemaDatabases>
{
    public const string Name = "schema databases";
}
