namespace Similarity.TestSupport.Servers;

/// <summary>
/// A test server did not start. The message says which server, the command that was run (as which user), its ports
/// and data folder, and the tail of its log; <see cref="Retryable"/> when the process died early (a port taken in the
/// meantime, say), as opposed to a set-up that can never work (permissions, missing binaries) or a timeout.
/// </summary>
public sealed class ServerStartException(string server, string message, bool retryable, Exception? inner = null)
    : Exception($"{server} did not start: {message}", inner)
{
    public string Server { get; } = server;

    public bool Retryable { get; } = retryable;
}
