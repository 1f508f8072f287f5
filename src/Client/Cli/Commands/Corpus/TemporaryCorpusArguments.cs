using System.CommandLine;
using Similarity.Client.Corpora;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Errors;

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
    /// Runs <paramref name="work"/> over a <see cref="TemporaryCorpus"/> named for <paramref name="command"/> holding
    /// <paramref name="source"/>'s rows, on <paramref name="cluster"/>'s silos or (null) a silo in this process, and deletes
    /// the corpus when the work ends; <paramref name="source"/> is disposed in every case. The rows are embeddings of
    /// <paramref name="model"/> (a served model's name, or in process a folder the embedded silo serves), which must
    /// answer as a bi-encoder before anything is stored; null for precomputed embeddings.
    /// </summary>
    public async Task<T> RunAsync<T>(
        ParseResult parse, string? cluster, DeviceClass device, string command, ICorpusSource source, string? model,
        Func<CorpusSession, string, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            var shards = CheckedShards(parse);
            var clusterId = ClusterOptions.CheckedId(parse, ClusterId);
            await using var session = await CorpusSession.OpenAsync(cluster, clusterId, cluster is null ? model : null, device, cancellationToken);
            var name = model is null ? TemporaryCorpus.EmbeddingsModel : await ServedEncoderAsync(session, session.Model ?? model, clusterId, cancellationToken);
            await using var corpus = await TemporaryCorpus.LoadAsync(session, command, name, shards, source, cancellationToken);
            return await work(session, corpus.Name);
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }
    }

    /// <summary>The model's name once a silo has answered for it as a bi-encoder: a missing or cross-encoder model is refused before any row is sent.</summary>
    private static async Task<string> ServedEncoderAsync(CorpusSession session, string model, string clusterId, CancellationToken cancellationToken)
    {
        try
        {
            await session.Client.EncodeAsync([], model, cancellationToken: cancellationToken);
            return model;
        }
        catch (ModelNotServedException e) when (!session.IsEmbedded)
        {
            throw new CliException($"{e.Message} in cluster '{clusterId}'", e);
        }
    }
}
