using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Similarity.Client;
using Similarity.Grains.Encoders;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport;
using Similarity.TestSupport.Servers;

namespace Similarity.Silo.Tests.Servers;

/// <summary>
/// Silos as separate <c>simctl silo</c> processes on a real PostgreSQL: killed, frozen, terminated, listed, and the
/// database restarted under them. The client is the SDK, connected through the gateways PostgreSQL lists.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloProcessTests(PostgresDatabases databases) : IAsyncLifetime, IDisposable
{
    /// <summary>Requests a silo's workers have answered, in its <c>/metrics</c>.</summary>
    private const string RequestsDone = "similarity_worker_requests_total\\{[^}]*outcome=\"ok\"[^}]*\\}";

    private readonly ScratchFolder _scratch = new();
    private SiloProcessCluster _silos = null!;

    public async Task InitializeAsync() => _silos = new SiloProcessCluster(await databases.CreateAsync(), "proc-" + Guid.NewGuid().ToString("N")[..10]);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task A_silo_killed_mid_encode_loses_no_row_and_duplicates_none()
    {
        var model = ClusterTestModel.BiEncoder;
        var doomedPort = FreePort.Next();
        await using var doomed = _silos.Start("doomed", model.Folder, "--http", $"127.0.0.1:{doomedPort}");
        await using var survivor = _silos.Start("survivor", model.Folder);
        await _silos.WaitForActiveAsync(2, doomed, survivor);
        using var doomedHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{doomedPort}") };
        await using var client = await _silos.ConnectAsync();
        var texts = LongTexts(15_000);

        var call = client.EncodeAsync(texts, "bert-mean");
        await SiloProcessCluster.WaitUntilAsync(async () => Series(await doomedHttp.GetStringAsync("/metrics"), RequestsDone) >= 5, doomed);
        doomed.Kill();
        Assert.False(call.IsCompleted, "the call finished before the silo was killed: the test needs a larger workload");
        var embeddings = await call;

        Reference.AssertClose(model.Encode(texts), embeddings.ToEmbeddingMatrix());
    }

    [Fact]
    public async Task Calls_are_served_again_while_a_silo_is_frozen()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var frozen = _silos.Start("frozen", model.Folder);
        await using var thawed = _silos.Start("awake", model.Folder);
        await _silos.WaitForActiveAsync(2, frozen, thawed);
        await using var client = await _silos.ConnectAsync();
        var texts = TestCorpus.Texts(2000);
        await client.EncodeAsync(texts, "bert-mean");

        frozen.Freeze();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var embeddings = await client.EncodeAsync(texts, "bert-mean", cancellationToken: deadline.Token);

        Reference.AssertClose(model.Encode(texts), embeddings.ToEmbeddingMatrix());
        frozen.Thaw();
    }

    [Fact]
    public async Task A_terminated_silo_finishes_its_work_and_leaves_the_cluster()
    {
        var model = ClusterTestModel.BiEncoder;
        var leavingPort = FreePort.Next();
        await using var leaving = _silos.Start("leaving", model.Folder, "--http", $"127.0.0.1:{leavingPort}");
        await using var staying = _silos.Start("staying", model.Folder);
        await _silos.WaitForActiveAsync(2, leaving, staying);
        using var leavingHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{leavingPort}") };
        await using var client = await _silos.ConnectAsync();
        var texts = LongTexts(6000);

        var call = client.EncodeAsync(texts, "bert-mean");
        await SiloProcessCluster.WaitUntilAsync(async () => Series(await leavingHttp.GetStringAsync("/metrics"), RequestsDone) >= 5, leaving);
        leaving.Terminate();
        var embeddings = await call;

        Assert.Equal(0, await ExitCodeAsync(leaving));
        Reference.AssertClose(model.Encode(texts), embeddings.ToEmbeddingMatrix());
        Assert.Equal([staying.Name], (await SiloProcessCluster.ActiveAsync(client)).Select(s => s.Name));
    }

    [Fact]
    public async Task Silos_and_clients_recover_when_postgresql_restarts_while_the_cluster_is_idle()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var first = _silos.Start("first", model.Folder);
        await using var second = _silos.Start("second", model.Folder);
        await _silos.WaitForActiveAsync(2, first, second);
        await using var client = await _silos.ConnectAsync();

        await databases.Server.RestartAsync(down: TimeSpan.FromSeconds(3));
        var texts = TestCorpus.Texts(300);
        var embeddings = await client.EncodeAsync(texts, "bert-mean");
        await using var newcomer = await _silos.ConnectAsync();

        Reference.AssertClose(model.Encode(texts), embeddings.ToEmbeddingMatrix());
        Assert.Equal(2, (await SiloProcessCluster.ActiveAsync(newcomer)).Length);
        Assert.False(first.HasExited || second.HasExited, "a silo stopped while PostgreSQL was down");
    }

    [Fact]
    public async Task Cluster_status_lists_the_silo_processes_with_address_status_device_and_models()
    {
        // Doubles: the second silo is a gpu silo, which the real loader cannot start on a machine without a GPU.
        var encoderFolder = new TestModelSpec().WriteTo(_scratch.Path, "mini");
        var crossFolder = new TestModelSpec { Kind = "cross-encoder" }.WriteTo(_scratch.Path, "cross");
        await using var cpu = _silos.Start("cpu-silo", encoderFolder, doubles: true, "--model", $"cross={crossFolder}");
        await using var gpu = _silos.Start("gpu-silo", encoderFolder, doubles: true, "--device", "gpu");
        await _silos.WaitForActiveAsync(2, cpu, gpu);

        var result = await Simctl.RunAsync("cluster-status", "--cluster", _silos.Connection, "--cluster-id", _silos.ClusterId, "--json");

        CliAssert.Succeeded(result);
        var silos = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("silos").EnumerateArray()
            .OrderBy(s => s.GetProperty("name").GetString(), StringComparer.Ordinal).ToArray();
        Assert.Equal([$"{_silos.ClusterId}-cpu-silo", $"{_silos.ClusterId}-gpu-silo"], silos.Select(s => s.GetProperty("name").GetString()));
        Assert.All(silos, s => Assert.Equal("active", s.GetProperty("status").GetString()));
        Assert.All(silos, s => Assert.Matches(@"^127\.0\.0\.1:\d+$", s.GetProperty("address").GetString()!));
        Assert.Equal(["cross", "mini"], silos[0].GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(("cpu", "gpu"), (silos[0].GetProperty("device").GetString(), silos[1].GetProperty("device").GetString()));
    }

    [Fact]
    public async Task A_silo_whose_model_folder_is_missing_refuses_to_start_naming_the_model()
    {
        var result = await Simctl.RunAsync(
            "silo", "--cluster", _silos.Connection, "--cluster-id", _silos.ClusterId, "--silo-port", "0", "--gateway-port", "0",
            "--model", $"mini={_scratch.File("absent")}");

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("simctl: ", StringComparison.Ordinal));
        Assert.Contains("model 'mini'", line);
        Assert.Contains("absent", line);
    }

    [Fact]
    public async Task A_gpu_silo_without_the_cuda_provider_refuses_to_start_naming_what_is_missing()
    {
        var result = await Simctl.RunAsync(
            "silo", "--cluster", _silos.Connection, "--cluster-id", _silos.ClusterId, "--silo-port", "0", "--gateway-port", "0", "--device", "gpu",
            "--model", $"mini={SharedFolder.Model("bert-mean")}");

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("simctl: ", StringComparison.Ordinal));
        Assert.Contains("model 'mini'", line);
        Assert.Contains("on gpu", line);
        Assert.Contains(Similarity.Inference.OnnxRuntime.OnnxRuntimePackage.Flavour == "cpu" ? "-p:OnnxRuntimeFlavour=gpu" : "cannot open shared object file", line);
    }

    /// <summary>Texts of about a hundred tokens each, so that a call keeps two silos busy for a few seconds.</summary>
    private static string[] LongTexts(int count) =>
        TestCorpus.Texts(count).Select(t => string.Join(' ', Enumerable.Repeat(t, 8))).ToArray();

    /// <summary>The sum of <paramref name="series"/> (a pattern) in a silo's <c>/metrics</c> text; 0 before it appears.</summary>
    private static double Series(string metrics, string series) =>
        Regex.Matches(metrics, $"^{series} (\\S+)", RegexOptions.Multiline).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    private static async Task<int> ExitCodeAsync(SiloProcess silo)
    {
        await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return silo.ExitCode;
    }
}
