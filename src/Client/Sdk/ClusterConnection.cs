using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Similarity.Client.Calls;

namespace Similarity.Client;

/// <summary>A client's own connection to a cluster: an Orleans client host, started and, with the client, stopped.</summary>
internal sealed class ClusterConnection(IHost host) : IAsyncDisposable
{
    public static async Task<SimilarityClient> OpenAsync(SimilarityClientOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var where = Describe(options.Cluster ?? throw new ArgumentException("SimilarityClientOptions.Cluster is required to connect to a cluster.", nameof(options)));
        var gatewayLoss = new GatewayLossSignal();
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddSingleton(Options.Create(options)))
            .UseOrleansClient(client => ClusterClientConfiguration.Apply(client, gatewayLoss))
            .Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new ClusterUnavailableException($"cannot connect to cluster '{options.ClusterId}' listed in PostgreSQL at {where}: {e.Message}", e);
        }

        return new SimilarityClient(host.Services.GetRequiredService<IClusterClient>(), options, gatewayLoss, new ClusterConnection(host));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            host.Dispose();
        }
    }

    /// <summary>Host, port and database of a connection string, never its password.</summary>
    internal static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        }
        catch (ArgumentException)
        {
            throw new ArgumentException("SimilarityClientOptions.Cluster is not a PostgreSQL connection string (Host=...;Port=...;Username=...;Database=...).");
        }
    }
}
