using System.Diagnostics;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Streams;
using Similarity.Client;
using Similarity.Client.Corpora;
using Similarity.Grains.Clustering;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Search;
using Similarity.Inference.Tensors;
using Similarity.Silo.Hosting;
using Microsoft.Extensions.Logging;

namespace Similarity.Cli.Commands.Bench;

/// <summary>
/// What <c>simctl bench corpus</c> runs: a development cluster of N silos in this process, a corpus of the bench rows
/// sharded over them (precomputed embeddings: no encoder), then per operation the distributed call through an Orleans
/// client and the in-process code (<see cref="SemanticSearch"/>, <see cref="CommunityDetector"/>,
/// <see cref="ParaphraseMiner"/>, on all cores) alternating, which side goes first swapping each run. Every run's
/// results are compared (<see cref="OperationAgreement"/>); the first difference stops the bench.
/// </summary>
internal static class CorpusBench
{
    private const string CorpusName = "bench-corpus";

    /// <summary>How long a grain call may take: a whole search or tile over a large corpus is one call.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromHours(2);

    public static async Task<CorpusBenchReport> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var load = LoadAverage.Read();
        using var peak = new PeakMemory();
        var file = EmbeddingInputs.Read(settings.Embeddings, "--embeddings");
        if (file.Rows == 0 || file.Columns == 0)
        {
            throw new CliException($"--embeddings {settings.Embeddings} holds no rows ({file.Rows} x {file.Columns})");
        }

        var rows = ReplicatedRows.Make(file, settings.Rows == 0 ? file.Rows : settings.Rows, settings.Noise, settings.Seed);
        var queries = Queries(settings, rows);
        var stored = settings.Precision == StoragePrecision.Float16 ? ReplicatedRows.AsFloat16(rows) : rows;

        await using var cluster = await DevelopmentCluster.StartAsync(
            settings.Silos, (_, silo) => silo.TimeoutSeconds = (int)CallTimeout.TotalSeconds, logLevel: LogLevel.Critical, cancellationToken: cancellationToken);
        var orleans = await cluster.ConnectClientAsync(
            client =>
            {
                client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = CallTimeout);
                client.AddMemoryStreams(CorpusStreams.Provider, streams => streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
            },
            cancellationToken);
        await using var client = new SimilarityClient(orleans, new SimilarityClientOptions { Timeout = CallTimeout });

        var clock = Stopwatch.StartNew();
        await client.Corpora.CreateAsync(CorpusName, "external", settings.Shards, settings.Precision, cancellationToken);
        await client.Corpora.AddAsync(
            CorpusName, new EmbeddingSource(new FloatMatrix(rows.Rows, rows.Columns, rows.Buffer), CorpusSources.MaxBatchSize), new CorpusAddOptions(), null, cancellationToken);
        var loadSeconds = clock.Elapsed.TotalSeconds;

        var figures = new List<CorpusBenchReport.Operation>();
        string? mismatch = null;
        foreach (var op in settings.Ops)
        {
            var timed = await TimeAsync(op, settings.Runs, settings.DistributedOnly, SidesOf(op, settings, client, stored, queries, cancellationToken));
            figures.Add(timed.Figures);
            if (timed.Mismatch is not null)
            {
                mismatch = timed.Mismatch;
                break;
            }
        }

        return new CorpusBenchReport(settings, file.Rows, rows.Rows, rows.Columns, queries.Rows, load, LoadAverage.Read(), loadSeconds, figures, mismatch, PeakMemory.WorkingSet, peak.Heap);
    }

    /// <summary>One operation's two sides, how their results compare (null: the same) and the size of a result (hits, communities, pairs).</summary>
    private sealed record Sides(Func<Task<object>> Distributed, Func<object> InProcess, Func<object, object, string?> Compare, Func<object, int> Size);

    private static Sides SidesOf(
        string op, Settings settings, SimilarityClient client, EmbeddingMatrix stored, EmbeddingMatrix queries, CancellationToken cancellationToken)
    {
        var operations = client.CorpusOperations;
        var sent = new FloatMatrix(queries.Rows, queries.Columns, queries.Buffer);
        return op switch
        {
            "search" => new Sides(
                async () => await operations.SearchAsync(CorpusName, sent, settings.TopK, cancellationToken: cancellationToken),
                () => SemanticSearch.TopK(queries, stored, settings.TopK, cancellationToken: cancellationToken),
                (expected, actual) => OperationAgreement.Hits((SearchHit[][])expected, (CorpusHit[][])actual),
                result => ((CorpusHit[][])result).Sum(h => h.Length)),
            "cluster" => new Sides(
                async () => await operations.ClusterAsync(CorpusName, settings.Threshold, settings.MinSize, cancellationToken: cancellationToken),
                () => CommunityDetector.Detect(stored, settings.Threshold, settings.MinSize, cancellationToken: cancellationToken),
                (expected, actual) => OperationAgreement.Communities((Community[])expected, (CorpusCommunity[])actual),
                result => ((CorpusCommunity[])result).Length),
            "mine" => new Sides(
                async () => await operations.MineAsync(CorpusName, settings.TopK, settings.MaxPairs, cancellationToken: cancellationToken),
                () => ParaphraseMiner.Mine(stored, settings.TopK, settings.MaxPairs, cancellationToken: cancellationToken),
                (expected, actual) => OperationAgreement.Pairs((ParaphrasePair[])expected, (CorpusPair[])actual),
                result => ((CorpusPair[])result).Length),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
    }

    /// <summary>
    /// <paramref name="runs"/> runs of each side, alternating (the side that goes first swaps each run, so neither always
    /// inherits the other's caches and heap); each run's two results are compared, untimed, and a difference ends it.
    /// <paramref name="distributedOnly"/>: the distributed side alone, nothing to compare with.
    /// </summary>
    private static async Task<(CorpusBenchReport.Operation Figures, string? Mismatch)> TimeAsync(string op, int runs, bool distributedOnly, Sides sides)
    {
        var figures = new CorpusBenchReport.Operation(op, [], []);
        for (var run = 0; run < runs; run++)
        {
            object? expected = null;
            object? actual = null;
            for (var side = 0; side < 2; side++)
            {
                var clock = Stopwatch.StartNew();
                if (distributedOnly && (side + run) % 2 != 0)
                {
                    continue;
                }

                if ((side + run) % 2 == 0)
                {
                    actual = await sides.Distributed();
                    figures.DistributedSeconds.Add(clock.Elapsed.TotalSeconds);
                }
                else
                {
                    expected = sides.InProcess();
                    figures.InProcessSeconds.Add(clock.Elapsed.TotalSeconds);
                }
            }

            figures.Results = sides.Size(actual!);
            if (!distributedOnly && sides.Compare(expected!, actual!) is { } mismatch)
            {
                return (figures, mismatch);
            }
        }

        return (figures, null);
    }

    /// <summary>The search queries: the first <see cref="Settings.Queries"/> rows, or the rows of <see cref="Settings.QueryEmbeddings"/>.</summary>
    private static EmbeddingMatrix Queries(Settings settings, EmbeddingMatrix rows)
    {
        if (settings.QueryEmbeddings is { } path)
        {
            var queries = EmbeddingInputs.Read(path, "--query-embeddings");
            EmbeddingInputs.EnsureSameDimensions(queries, path, rows, settings.Embeddings);
            return queries;
        }

        var count = Math.Min(settings.Queries, rows.Rows);
        return new EmbeddingMatrix(count, rows.Columns, rows.Buffer.AsSpan(0, count * rows.Columns).ToArray());
    }

    /// <summary>What one bench runs, as the options give it.</summary>
    public sealed record Settings(
        string Embeddings,
        int Rows,
        double Noise,
        int Seed,
        int Silos,
        int Shards,
        int Queries,
        string? QueryEmbeddings,
        int TopK,
        int MaxPairs,
        double Threshold,
        int MinSize,
        string[] Ops,
        StoragePrecision Precision,
        int Runs,
        bool DistributedOnly);
}
