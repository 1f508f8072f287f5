using Xunit;

namespace Similarity.TestSupport.Servers;

/// <summary>
/// RabbitMQ and PostgreSQL started together for a collection of cluster tests (an xunit collection fixture), and
/// stopped with their folders removed when the collection ends.
/// </summary>
public sealed class ClusterServers : IAsyncLifetime
{
    private RabbitMqServer? _rabbitMq;
    private PostgresServer? _postgres;

    public RabbitMqServer RabbitMq => _rabbitMq ?? throw new InvalidOperationException("servers not started");

    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("servers not started");

    public async Task InitializeAsync()
    {
        var rabbitMq = RabbitMqServer.StartAsync();
        var postgres = PostgresServer.StartAsync();
        try
        {
            await Task.WhenAll(rabbitMq, postgres);
        }
        catch
        {
            // One may have started; stop it so a failed fixture leaves no server behind, and say which failed and why.
            await Task.WhenAll(rabbitMq.ContinueWith(_ => { }), postgres.ContinueWith(_ => { }));
            _rabbitMq = rabbitMq.IsCompletedSuccessfully ? rabbitMq.Result : null;
            _postgres = postgres.IsCompletedSuccessfully ? postgres.Result : null;
            await DisposeAsync();
            var failures = new Task[] { rabbitMq, postgres }.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).ToArray();
            throw new InvalidOperationException(
                "The RabbitMQ and PostgreSQL servers for cluster tests could not be started, so every test of the collection fails:\n"
                + string.Join("\n", failures.Select(f => f.Message)),
                failures.Length == 1 ? failures[0] : new AggregateException(failures));
        }

        _rabbitMq = rabbitMq.Result;
        _postgres = postgres.Result;
    }

    public async Task DisposeAsync()
    {
        if (_rabbitMq is not null)
        {
            await _rabbitMq.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
