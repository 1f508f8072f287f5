using System.CommandLine;
using Similarity.Client.Corpora;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Corpora;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>
/// The options that send a one-shot command (<c>search</c>, <c>mine</c>, <c>cluster</c>) to a cluster: <c>--cluster</c>,
/// <c>--cluster-id</c> (the command's own when it has them, e.g. a model command's) and <c>--shards</c> of the
/// <see cref="TemporaryCorpus"/> its rows are loaded into.
/// </summary>
internal sealed class TemporaryCorpusArguments
{
    private readonly bool _ownsCluster;

    /// <summary>Uses <paramref name="cluster"/> and <paramref name="clusterId"/> when the command already has them; else adds its own.</summary>
    public TemporaryCorpusArguments(Option<string?>? cluster = null, Option<string>? clusterId = null)
    {
        _ownsCluster = cluster is null;
        Cluster = cluster ?? ClusterOptions.Connection("Run on the silos of the cluster listed in this PostgreSQL database (the rows go into a temporary corpus) instead of in this process");
        ClusterId = clusterId ?? ClusterOptions.Id();
    }

    public Option<string?> Cluster { get; }

    public Option<string> ClusterId { get; }

    public Option<int?> Shards { get; } = new("--shards") { Description = "With --cluster: shards of the temporary corpus the rows are spread over (default: one per active silo)." };

    public void AddTo(Command command)
    {
        if (_ownsCluster)
        {
            command.Options.Add(Cluster);
            command.Options.Add(ClusterId);
        }

        command.Options.Add(Shards);
    }

    /// <summary>The cluster to run on, checked, or null to run in process (where <c>--shards</c> and <c>--cluster-id</c> are refused).</summary>
    public string? Connection(ParseResult parse)
    {
        if (parse.GetValue(Cluster) is { } cluster)
        {
            ClusterOptions.Check(cluster);
            return cluster;
        }

        if (parse.GetResult(Shards) is { Implicit: false })
        {
            throw new CliException("--shards needs --cluster: in process the rows are not sharded");
        }

        if (parse.GetResult(ClusterId) is { Implicit: false })
        {
            throw new CliException("--cluster-id needs --cluster");
        }

        return null;
    }

    /// <summary>The shards asked for (null: one per active silo), checked against the corpus limits.</summary>
    public int? CheckedShards(ParseResult parse) => parse.GetValue(Shards) switch
    {
        null => null,
        var n and >= 1 and <= CorpusSpec.MaxShards => n,
        var n => throw new CliException($"--shards must be 1 to {CorpusSpec.MaxShards}, not {n}"),
    };

    /// <summary>
    /// Runs <paramref name="work"/> on <paramref name="cluster"/>'s silos over a <see cref="TemporaryCorpus"/> named for
    /// <paramref name="command"/> holding <paramref name="source"/>'s rows (embeddings of <paramref name="model"/>, a name the
    /// session may check first), deleted when the work ends; <paramref name="source"/> is disposed in every case.
    /// </summary>
    public async Task<T> RunAsync<T>(
        ParseResult parse, string cluster, DeviceClass device, string command, ICorpusSource source, Func<CorpusSession, Task<string>> model,
        Func<CorpusSession, string, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            var shards = CheckedShards(parse);
            await using var session = await CorpusSession.OpenAsync(cluster, ClusterOptions.CheckedId(parse, ClusterId), null, device, cancellationToken);
            await using var corpus = await TemporaryCorpus.LoadAsync(session, command, await model(session), shards, source, cancellationToken);
            return await work(session, corpus.Name);
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }
    }

    /// <summary>For <see cref="RunAsync"/>: rows that are precomputed embeddings, of no served model.</summary>
    public static Task<string> PrecomputedEmbeddings(CorpusSession session) => Task.FromResult(TemporaryCorpus.EmbeddingsModel);
}
