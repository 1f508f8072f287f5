using System.Diagnostics;
using Similarity.Silo.Tests.Corpora;
using Similarity.Silo.Tests.Corpora.Operations;
using Similarity.Silo.Tests.Servers;
using Similarity.TestSupport;

namespace Similarity.Silo.Tests.Cli;

/// <summary>
/// <c>simctl search</c>, <c>mine</c> and <c>cluster</c> on an .npy with <c>--cluster</c>: the rows go into a temporary
/// corpus on a two-silo cluster on PostgreSQL, the work runs on the silos, and the lines are those of the same command in
/// process; afterwards the temporary corpus is gone, also when the command is cancelled.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OneShotThroughClusterTests(PostgresDatabases databases) : IAsyncLifetime, IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private PostgresSilos _silos = null!;

    private string[] Cluster => _silos.Arguments;

    public async Task InitializeAsync() => _silos = await PostgresSilos.StartAsync(await databases.CreateAsync(), 2, new Dictionary<string, string>());

    public async Task DisposeAsync() => await _silos.DisposeAsync();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("cosine")]
    [InlineData("manhattan")]
    public async Task Search_through_the_cluster_prints_the_in_process_hits_and_leaves_no_corpus(string metric)
    {
        var corpus = NpyFiles.Write(_scratch.File("corpus.npy"), OperationData.WithTies(700, 24, seed: 3));
        var queries = NpyFiles.Write(_scratch.File("queries.npy"), UnitRows.Random(9, 24, seed: 4));
        string[] args = ["search", "--corpus", corpus, "--queries", queries, "--top-k", "6", "--metric", metric];

        var local = await Simctl.RunAsync(args);
        var remote = await Simctl.RunAsync([.. args, "--shards", "3", .. Cluster]);

        CliAssert.Succeeded(local);
        CliAssert.Succeeded(remote);
        Assert.Equal(9, local.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(local.StandardOutput, remote.StandardOutput);
        await AssertNoTemporaryCorpusAsync("search", made: 1);
    }

    [Fact]
    public async Task Mine_through_the_cluster_prints_the_in_process_pairs_and_leaves_no_corpus()
    {
        var rows = NpyFiles.Write(_scratch.File("rows.npy"), OperationData.WithTies(600, 16, seed: 5));
        string[] args = ["mine", "--embeddings", rows, "--top-k", "5", "--max-pairs", "300"];

        var local = await Simctl.RunAsync(args);
        var remote = await Simctl.RunAsync([.. args, .. Cluster]);

        CliAssert.Succeeded(local);
        CliAssert.Succeeded(remote);
        Assert.Equal(300, local.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(local.StandardOutput, remote.StandardOutput);
        await AssertNoTemporaryCorpusAsync("mine", made: 1);
    }

    [Fact]
    public async Task Cluster_of_embeddings_through_the_cluster_prints_the_in_process_communities_and_leaves_no_corpus()
    {
        var rows = NpyFiles.Write(_scratch.File("rows.npy"), OperationData.Clustered(900, 16, groups: 12, noise: 0.15, seed: 6));
        string[] args = ["cluster", "--embeddings", rows, "--threshold", "0.93", "--min-size", "4"];

        var local = await Simctl.RunAsync(args);
        var remote = await Simctl.RunAsync([.. args, "--shards", "5", .. Cluster]);

        CliAssert.Succeeded(local);
        CliAssert.Succeeded(remote);
        Assert.True(local.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 5, local.StandardOutput);
        Assert.Equal(local.StandardOutput, remote.StandardOutput);
        await AssertNoTemporaryCorpusAsync("cluster", made: 1);
    }

    [Fact]
    public async Task A_cancelled_command_deletes_its_temporary_corpus()
    {
        // A search of one query over many rows: adding the rows takes seconds, the search itself little.
        var rows = NpyFiles.Write(_scratch.File("large.npy"), UnitRows.Random(150_000, 64, seed: 7));
        var query = NpyFiles.Write(_scratch.File("query.npy"), UnitRows.Random(1, 64, seed: 8));
        using var process = Start(["search", "--corpus", rows, "--queries", query, .. Cluster]);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();

        using var watcher = TemporaryCorpora.InterruptWhenStored(_silos.Connection, "search", process.Id);
        var watched = watcher.StandardError.ReadToEndAsync();

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await watcher.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(watcher.ExitCode == 0, $"the watcher ended with {watcher.ExitCode} ({await watched}); simctl ended with {process.ExitCode}: {await stderr}");
        // Mostly the interrupt lands while the rows are added (exit 130, no lines); on a loaded machine the watcher may
        // see the corpus only as the command deletes it, which then ends normally. Either way no corpus is left.
        Assert.True(process.ExitCode is 130 or 0, $"simctl ended with {process.ExitCode}: {await stderr}");
        Assert.Equal(process.ExitCode == 0 ? 1 : 0, (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        await AssertNoTemporaryCorpusAsync("search", made: 1);
    }

    [Fact]
    public async Task Shards_without_a_cluster_are_refused_naming_the_option()
    {
        var rows = NpyFiles.Write(_scratch.File("rows.npy"), UnitRows.Random(10, 8, seed: 8));

        CliAssert.OneLineError(await Simctl.RunAsync("mine", "--embeddings", rows, "--shards", "2"), "--shards needs --cluster");
    }

    [Fact]
    public async Task Threads_with_a_cluster_are_refused_naming_the_option()
    {
        var rows = NpyFiles.Write(_scratch.File("rows.npy"), UnitRows.Random(10, 8, seed: 9));

        CliAssert.OneLineError(await Simctl.RunAsync(["cluster", "--embeddings", rows, "--threads", "1", .. Cluster]), "--threads applies to work in this process");
        await AssertNoTemporaryCorpusAsync("cluster", made: 0);
    }

    private async Task AssertNoTemporaryCorpusAsync(string command, int made)
    {
        Assert.Equal((made, 0L), await TemporaryCorpora.CountAsync(_silos.Connection, command));
        Assert.Equal(0, await TemporaryCorpora.BlocksAsync(_silos.Connection, command));
    }

    private static Process Start(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "simctl.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start simctl");
    }
}
