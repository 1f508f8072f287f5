namespace Similarity.Silo.Tests.Servers;

/// <summary>Tests on PostgreSQL share one server; each takes fresh databases of its own from <see cref="PostgresDatabases"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresDatabases>
{
    public const string Name = "postgres";
}
