namespace Similarity.Client;

/// <summary>The client could not reach the cluster: PostgreSQL unreachable, or no silo of the cluster is up.</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
