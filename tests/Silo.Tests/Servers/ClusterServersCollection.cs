using Similarity.TestSupport.Servers;

namespace Similarity.Silo.Tests.Servers;

/// <summary>Tests on real RabbitMQ and PostgreSQL share one pair of servers, started once and stopped at the end.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterServersCollection : ICollectionFixture<ClusterServers>
{
    public const string Name = "cluster servers";
}
