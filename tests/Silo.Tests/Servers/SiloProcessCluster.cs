using Similarity.Client;
using Similarity.Grains.Contracts.Cluster;

namespace Similarity.Silo.Tests.Servers;

/// <summary>
/// A cluster of <c>simctl silo</c> processes (<see cref="SiloProcess"/>) on one PostgreSQL database: starts silos serving
/// model folders, connects SDK clients through the gateways the database lists, and waits for membership to settle.
/// </summary>
internal sealed class SiloProcessCluster(string connection, string clusterId)
{
    public string Connection { get; } = connection;

    public string ClusterId { get; } = clusterId;

    /// <summary>The <c>--cluster CONN --cluster-id ID</c> arguments that reach these silos.</summary>
    public string[] Arguments => ["--cluster", Connection, "--cluster-id", ClusterId];

    /// <summary>A silo named <c>ID-NAME</c> serving <paramref name="modelFolder"/> under the folder's name.</summary>
    public SiloProcess Start(string name, string modelFolder, params string[] extra) => Start(name, modelFolder, doubles: false, extra);

    /// <summary>As <see cref="Start(string, string, string[])"/>; with <paramref name="doubles"/>, folders describe test doubles.</summary>
    public SiloProcess Start(string name, string modelFolder, bool doubles, params string[] extra) =>
        SiloProcess.Start(
            $"{ClusterId}-{name}",
            doubles,
            [.. Arguments, "--model", $"{Path.GetFileName(modelFolder)}={modelFolder}", .. extra]);

    public Task<SimilarityClient> ConnectAsync() => SimilarityClient.ConnectAsync(new SimilarityClientOptions
    {
        Cluster = Connection,
        ClusterId = ClusterId,
        MaxTextsPerRequest = 16,
        Timeout = TimeSpan.FromSeconds(60),
    });

    public static async Task<SiloDescription[]> ActiveAsync(SimilarityClient client) =>
        (await client.ListSilosAsync()).Where(s => s.IsActive).ToArray();

    /// <summary>Waits until <paramref name="count"/> silos are active, failing early with the log of a silo that exited.</summary>
    public async Task WaitForActiveAsync(int count, params SiloProcess[] silos)
    {
        await WaitUntilAsync(
            async () =>
            {
                try
                {
                    await using var client = await ConnectAsync();
                    return (await ActiveAsync(client)).Length == count;
                }
                catch (ClusterUnavailableException)
                {
                    return false;
                }
            },
            silos);
    }

    /// <summary>Waits up to 90 s for <paramref name="condition"/>, failing early with the log of a watched silo that exited.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, params SiloProcess[] watched)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            if (watched.FirstOrDefault(s => s.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"silo {exited.Name} exited early:\n{exited.Log}");
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
