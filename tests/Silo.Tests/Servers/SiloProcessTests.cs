using System.Text.Json;
using Similarity.Client;
using Similarity.Silo.Membership;
using Similarity.Silo.Membership.Postgres;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport.Servers;

namespace Similarity.Silo.Tests.Servers;

/// <summary>Silos as separate <c>simctl silo</c> processes on RabbitMQ and PostgreSQL: killed, terminated, listed.</summary>
[Collection(ClusterServersCollection.Name)]
public sealed class SiloProcessTests(ClusterServers servers) : IDisposable
{
    private readonly string _clusterId = "proc-" + Guid.NewGuid().ToString("N")[..10];
    private readonly DirectoryInfo _models = Directory.CreateTempSubdirectory("similarity-models-");

    public void Dispose() => _models.Delete(recursive: true);

    [Fact]
    public async Task A_silo_killed_mid_encode_loses_no_request_and_duplicates_none()
    {
        var spec = new TestModelSpec { Dimension = 16, DelayMs = 40 };
        var folder = spec.WriteTo(_models.FullName, "m");
        await using var doomed = StartSilo("doomed", folder);
        await using var survivor = StartSilo("survivor", folder);
        await WaitForSilosAsync(2);
        await using var client = await ConnectAsync();
        var texts = TestCorpus.Texts(4000);

        var call = client.EncodeAsync(texts, "m");
        await WaitUntilAsync(async () => (await StatusAsync()).Silos.Any(s => s.SiloId == doomed.SiloId && s.Load.Completed >= 5), doomed);
        doomed.Kill();
        var embeddings = await call;

        Assert.Equal(137, await ExitCodeAsync(doomed));
        Reference.AssertSame(Reference.Encode(new HashSentenceEncoder(spec.Dimension), texts), embeddings);
        var survivorRow = (await StatusAsync()).Silos.Single(s => s.SiloId == survivor.SiloId);
        Assert.True(survivorRow.Load.Completed < 250, "the killed silo did some of the work");
    }

    [Fact]
    public async Task A_terminated_silo_drains_its_work_and_leaves_membership()
    {
        var folder = new TestModelSpec { DelayMs = 40 }.WriteTo(_models.FullName, "m");
        await using var leaving = StartSilo("leaving", folder);
        await using var staying = StartSilo("staying", folder);
        await WaitForSilosAsync(2);
        await using var client = await ConnectAsync();
        var texts = TestCorpus.Texts(2000);

        var call = client.EncodeAsync(texts, "m");
        await WaitUntilAsync(async () => (await StatusAsync()).Silos.Any(s => s.SiloId == leaving.SiloId && s.Load.Completed >= 5), leaving);
        leaving.Terminate();
        var embeddings = await call;

        Assert.Equal(0, await ExitCodeAsync(leaving));
        Reference.AssertSame(Reference.Encode(new HashSentenceEncoder(16), texts), embeddings);
        Assert.Equal([staying.SiloId], (await StatusAsync()).Silos.Select(s => s.SiloId));
    }

    [Fact]
    public async Task Cluster_status_lists_the_live_silo_processes_as_json()
    {
        var encoderFolder = new TestModelSpec().WriteTo(_models.FullName, "mini");
        var crossFolder = new TestModelSpec { Kind = "cross-encoder" }.WriteTo(_models.FullName, "cross");
        await using var cpu = StartSilo("cpu-silo", encoderFolder, "--model", $"cross={crossFolder}");
        await using var gpu = StartSilo("gpu-silo", encoderFolder, "--device", "gpu");
        await WaitForSilosAsync(2);

        var result = await SimctlRun.RunAsync("cluster-status", "--postgres", servers.Postgres.ConnectionString, "--cluster-id", _clusterId, "--json");

        Assert.True(result.ExitCode == 0, result.StandardError);
        var silos = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("silos").EnumerateArray().ToArray();
        Assert.Equal([cpu.SiloId, gpu.SiloId], silos.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(["cpu", "cross-encoder", "encoder"], silos[0].GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal(["cross", "mini"], silos[0].GetProperty("models").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(("gpu", gpu.ProcessId), (silos[1].GetProperty("device").GetString(), silos[1].GetProperty("pid").GetInt32()));
    }

    [Fact]
    public async Task The_cluster_bench_reports_both_rates_their_ratio_and_identical_results()
    {
        var folder = new TestModelSpec { Dimension = 32 }.WriteTo(_models.FullName, "bench-model");
        var input = Path.Combine(_models.FullName, "sentences.txt");
        await File.WriteAllLinesAsync(input, TestCorpus.Texts(500));

        var result = await SimctlRun.RunAsync(
            "bench", "cluster", "--model", folder, "--input", input, "--silos", "2", "--broker", servers.RabbitMq.Uri.ToString(),
            "--probes", "20", "--model-loader", typeof(TestModelLoader).AssemblyQualifiedName!, "--json");

        Assert.True(result.ExitCode == 0, result.StandardError);
        var figures = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal((500, 2, 8), (figures.GetProperty("sentences").GetInt32(), figures.GetProperty("silos").GetInt32(), figures.GetProperty("requests").GetInt32()));
        Assert.True(figures.GetProperty("cluster_sentences_per_second").GetDouble() > 0);
        Assert.Equal(
            figures.GetProperty("cluster_sentences_per_second").GetDouble() / figures.GetProperty("in_process_sentences_per_second").GetDouble(),
            figures.GetProperty("ratio").GetDouble(),
            1e-9);
        Assert.Equal(0.0, figures.GetProperty("max_abs_difference").GetDouble());
    }

    [Fact]
    public async Task A_silo_without_models_refuses_to_start_saying_why()
    {
        var result = await SimctlRun.RunAsync("silo", "--broker", servers.RabbitMq.Uri.ToString());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no models: give at least one --model NAME=DIR", result.StandardError);
    }

    private SiloProcess StartSilo(string name, string modelFolder, params string[] extra) =>
        SiloProcess.Start(
            $"{_clusterId}-{name}",
            ["--broker", servers.RabbitMq.Uri.ToString(), "--postgres", servers.Postgres.ConnectionString, "--cluster-id", _clusterId,
             "--model", $"{Path.GetFileName(modelFolder)}={modelFolder}", "--prefetch", "4", .. extra]);

    private Task<SimilarityClient> ConnectAsync() => SimilarityClient.ConnectAsync(new SimilarityClientOptions
    {
        Broker = servers.RabbitMq.Uri,
        ClusterId = _clusterId,
        MaxTextsPerRequest = 16,
        Timeout = TimeSpan.FromSeconds(60),
    });

    private async Task<ClusterStatus> StatusAsync()
    {
        await using var table = new PostgresMembershipTable(servers.Postgres.ConnectionString);
        return await table.ReadLiveAsync(_clusterId, TimeSpan.FromSeconds(3));
    }

    private async Task WaitForSilosAsync(int count)
    {
        await WaitUntilAsync(async () =>
        {
            try
            {
                return (await StatusAsync()).Silos.Count(s => s.Status == SiloStatus.Active) == count;
            }
            catch (Npgsql.PostgresException)
            {
                return false;
            }
        });
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, SiloProcess? watched = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (watched is { HasExited: true })
            {
                throw new InvalidOperationException($"silo {watched.SiloId} exited early:\n{watched.Log}");
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task<int> ExitCodeAsync(SiloProcess silo)
    {
        await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return silo.ExitCode;
    }
}
