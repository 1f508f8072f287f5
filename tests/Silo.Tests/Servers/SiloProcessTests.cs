using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Similarity.Client;
using Similarity.Silo.Membership;
using Similarity.Silo.Membership.Postgres;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport;
using Similarity.TestSupport.Servers;

namespace Similarity.Silo.Tests.Servers;

/// <summary>Silos as separate <c>simctl silo</c> processes on RabbitMQ and PostgreSQL: killed, terminated, listed.</summary>
[Collection(ClusterServersCollection.Name)]
public sealed class SiloProcessTests(ClusterServers servers) : IDisposable
{
    /// <summary>Requests a silo's workers have finished, in its <c>/metrics</c>.</summary>
    private const string RequestsDone = "similarity_worker_requests_total\\{[^}]*outcome=\"ok\"\\}";

    /// <summary>Requests a silo's workers hold right now, in its <c>/metrics</c>.</summary>
    private const string RequestsInFlight = "similarity_worker_in_flight\\{[^}]*\\}";

    private readonly string _clusterId = "proc-" + Guid.NewGuid().ToString("N")[..10];
    private readonly DirectoryInfo _models = Directory.CreateTempSubdirectory("similarity-models-");

    public void Dispose() => _models.Delete(recursive: true);

    [Fact]
    public async Task A_silo_killed_mid_encode_loses_no_request_and_duplicates_none()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var doomed = StartSilo("doomed", model.Folder, "--http", "127.0.0.1:0");
        await using var survivor = StartSilo("survivor", model.Folder);
        await WaitForSilosAsync(2);
        using var doomedHttp = new HttpClient { BaseAddress = new Uri((await StatusAsync()).Silos.Single(s => s.SiloId == doomed.SiloId).HttpEndpoint!) };
        await using var client = await ConnectAsync();
        var texts = LongTexts(8000);

        var call = client.EncodeAsync(texts, "bert-mean");
        await WaitUntilAsync(
            async () =>
            {
                // Killed while holding requests: they can only be finished by redelivery to the survivor.
                var metrics = await doomedHttp.GetStringAsync("/metrics");
                return Series(metrics, RequestsDone) >= 5 && Series(metrics, RequestsInFlight) > 0;
            },
            doomed);
        doomed.Kill();
        Assert.False(call.IsCompleted, "the call finished before the silo was killed: the test needs a larger workload");
        var embeddings = await call;

        Assert.Equal(137, await ExitCodeAsync(doomed));
        Reference.AssertClose(model.Encode(texts), embeddings);
    }

    [Fact]
    public async Task A_terminated_silo_drains_its_work_and_leaves_membership()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var leaving = StartSilo("leaving", model.Folder, "--http", "127.0.0.1:0");
        await using var staying = StartSilo("staying", model.Folder);
        await WaitForSilosAsync(2);
        using var leavingHttp = new HttpClient { BaseAddress = new Uri((await StatusAsync()).Silos.Single(s => s.SiloId == leaving.SiloId).HttpEndpoint!) };
        await using var client = await ConnectAsync();
        var texts = LongTexts(4000);

        var call = client.EncodeAsync(texts, "bert-mean");
        await WaitUntilAsync(async () => Series(await leavingHttp.GetStringAsync("/metrics"), RequestsDone) >= 5, leaving);
        leaving.Terminate();
        var embeddings = await call;

        Assert.Equal(0, await ExitCodeAsync(leaving));
        Reference.AssertClose(model.Encode(texts), embeddings);
        Assert.Equal([staying.SiloId], (await StatusAsync()).Silos.Select(s => s.SiloId));
    }

    [Fact]
    public async Task Cluster_status_lists_the_live_silo_processes_as_json()
    {
        // Doubles: the second silo is a gpu silo, which the real loader cannot start on a machine without a GPU.
        var encoderFolder = new TestModelSpec().WriteTo(_models.FullName, "mini");
        var crossFolder = new TestModelSpec { Kind = "cross-encoder" }.WriteTo(_models.FullName, "cross");
        await using var cpu = StartSilo("cpu-silo", encoderFolder, doubles: true, "--model", $"cross={crossFolder}");
        await using var gpu = StartSilo("gpu-silo", encoderFolder, doubles: true, "--device", "gpu");
        await WaitForSilosAsync(2);

        var result = await Simctl.RunAsync("cluster-status", "--postgres", servers.Postgres.ConnectionString, "--cluster-id", _clusterId, "--json");

        Assert.True(result.ExitCode == 0, result.StandardError);
        var silos = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("silos").EnumerateArray().ToArray();
        Assert.Equal([cpu.SiloId, gpu.SiloId], silos.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(["cpu", "cross-encoder", "encoder"], silos[0].GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal(["cross", "mini"], silos[0].GetProperty("models").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(("gpu", gpu.ProcessId), (silos[1].GetProperty("device").GetString(), silos[1].GetProperty("pid").GetInt32()));
    }

    [Fact]
    public async Task A_gpu_silo_without_the_cuda_provider_refuses_to_start_naming_the_library()
    {
        var result = await Simctl.RunAsync(
            "silo", "--broker", servers.RabbitMq.Uri.ToString(), "--cluster-id", _clusterId, "--device", "gpu",
            "--model", $"mini={SharedFolder.Model("bert-mean")}");

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("simctl: ", StringComparison.Ordinal));
        Assert.Contains("model 'mini'", line);
        Assert.Contains("on gpu", line);
        Assert.Contains(Similarity.Inference.OnnxRuntime.OnnxRuntimePackage.Flavour == "cpu" ? "-p:OnnxRuntimeFlavour=gpu" : "cannot open shared object file", line);
    }

    [Fact]
    public async Task A_silo_without_models_refuses_to_start_saying_why()
    {
        var result = await Simctl.RunAsync("silo", "--broker", servers.RabbitMq.Uri.ToString());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no models: give at least one --model NAME=DIR", result.StandardError);
    }

    /// <summary>Texts of about a hundred tokens each, so that a call keeps two silos busy for a few seconds.</summary>
    private static string[] LongTexts(int count) =>
        TestCorpus.Texts(count).Select(t => string.Join(' ', Enumerable.Repeat(t, 8))).ToArray();

    /// <summary>The value of <paramref name="series"/> (a pattern) in a silo's <c>/metrics</c> text; 0 before it appears.</summary>
    private static long Series(string metrics, string series)
    {
        var match = Regex.Match(metrics, $"^{series} (\\d+)$", RegexOptions.Multiline);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    private SiloProcess StartSilo(string name, string modelFolder, params string[] extra) => StartSilo(name, modelFolder, doubles: false, extra);

    private SiloProcess StartSilo(string name, string modelFolder, bool doubles, params string[] extra) =>
        SiloProcess.Start(
            $"{_clusterId}-{name}",
            doubles,
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

            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task<int> ExitCodeAsync(SiloProcess silo)
    {
        await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return silo.ExitCode;
    }
}
