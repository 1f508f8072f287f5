namespace Similarity.Silo.Schema;

/// <summary>
/// The cluster database could not be reached, opened or migrated. The message names the server, database and user,
/// never the password.
/// </summary>
public class ClusterSchemaException(string message, Exception? inner = null) : Exception(message, inner);
