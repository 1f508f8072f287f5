using Orleans.Streams;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Ingest;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Client.Corpora;

/// <summary>
/// Named, sharded corpora on the cluster: create, add texts (encoded on the silos) or embeddings through the ingest
/// streams, follow an add's progress, read a corpus back in the order its rows were added, delete. Reached through
/// <see cref="SimilarityClient.Corpora"/>. Idempotent calls are retried on silo loss; adds re-publish what a lost silo dropped.
/// </summary>
public sealed class CorpusClient
{
    /// <summary>Shards a corpus gets when none are asked for: enough to spread a corpus over a few silos.</summary>
    public const int DefaultShards = 4;

    private readonly IGrainFactory _grains;
    private readonly IStreamProvider? _ingest;
    private readonly SimilarityClientOptions _options;

    internal CorpusClient(IGrainFactory grains, IStreamProvider? ingest, SimilarityClientOptions options)
    {
        _grains = grains;
        _ingest = ingest;
        _options = options;
    }

    /// <summary>
    /// Creates corpus <paramref name="name"/> for embeddings of <paramref name="model"/>. When a silo serves the model its
    /// width is fixed now; otherwise (embeddings made elsewhere) the first add fixes it.
    /// </summary>
    public async Task<CorpusInfo> CreateAsync(
        string name, string model, int shards = DefaultShards, StoragePrecision precision = StoragePrecision.Float32, CancellationToken cancellationToken = default)
    {
        CorpusNames.Validate(name);
        ModelNames.Validate(model);
        int? dimension;
        try
        {
            dimension = await ModelWidthAsync(model, cancellationToken);
        }
        catch (ModelNotServedException)
        {
            dimension = null;
        }

        return await RetryPolicy.Default.RunAsync(_ => Corpus(name).CreateAsync(new CorpusSpec(model, shards, precision, dimension)), cancellationToken);
    }

    /// <summary>The corpus now: model, width, precision, rows, shards, and a running add's progress.</summary>
    public Task<CorpusInfo> GetInfoAsync(string name, CancellationToken cancellationToken = default) =>
        RetryPolicy.Default.RunAsync(_ => Corpus(CorpusNames.Validate(name)).GetInfoAsync(), cancellationToken);

    /// <summary>Removes the corpus and its stored rows.</summary>
    public Task DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        RetryPolicy.Default.RunAsync(
            async _ =>
            {
                await Corpus(CorpusNames.Validate(name)).DeleteAsync();
                return true;
            },
            cancellationToken);

    /// <summary>Aborts the corpus's running add (one whose client went away): its rows are removed. False when none runs.</summary>
    public async Task<bool> AbortAddAsync(string name, CancellationToken cancellationToken = default)
    {
        var info = await GetInfoAsync(name, cancellationToken);
        if (info.Ingest is not { Status: IngestStatus.Running or IngestStatus.Failed } running)
        {
            return false;
        }

        await RetryPolicy.Default.RunAsync(
            async _ =>
            {
                await Corpus(name).AbortIngestAsync(running.Id);
                return true;
            },
            cancellationToken);
        return true;
    }

    /// <summary>Adds <paramref name="texts"/>, encoded by the corpus's model on the silos; rows get the next ids in order.</summary>
    public Task<IngestProgress> AddTextsAsync(
        string name, IReadOnlyList<string> texts, CorpusAddOptions? options = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        AddAsync(name, new TextSource(texts), options, progress, cancellationToken);

    /// <summary>Adds embeddings computed elsewhere (the encoder is skipped); their width must be the corpus's.</summary>
    public Task<IngestProgress> AddEmbeddingsAsync(
        string name, FloatMatrix embeddings, CorpusAddOptions? options = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        AddAsync(name, new EmbeddingSource(embeddings), options, progress, cancellationToken);

    /// <summary>
    /// Adds <paramref name="source"/>'s rows through the ingest streams and returns once every row is stored exactly once
    /// (the corpus counts them then). If the add fails or is cancelled it is aborted: nothing of it is kept.
    /// </summary>
    public async Task<IngestProgress> AddAsync(
        string name, ICorpusSource source, CorpusAddOptions? options = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= new CorpusAddOptions();
        options.Validate();
        var streams = _ingest ?? throw new InvalidOperationException(
            "this client has no ingest stream provider: make it with SimilarityClient.ConnectAsync, AddSimilarityClient, or over a silo's IClusterClient");
        var corpus = Corpus(CorpusNames.Validate(name));
        var info = await GetInfoAsync(name, cancellationToken);
        var dimension = source.Dimension ?? await TextWidthAsync(info, cancellationToken);
        var plan = new IngestPlan(
            source.Content, source.Cuts.Rows, source.Cuts.Batches, dimension, options.Lanes, _options.Device, options.Model, source.Name);
        var ticket = await RetryPolicy.Default.RunAsync(_ => corpus.BeginIngestAsync(plan), cancellationToken);
        try
        {
            return await new IngestPublisher(corpus, streams, ticket, source, options, progress).RunAsync(cancellationToken);
        }
        catch
        {
            await AbortQuietlyAsync(corpus, ticket.Id);
            throw;
        }
    }

    /// <summary>Hands the corpus's rows to <paramref name="rows"/> in the order they were added, as float32 runs; returns how many.</summary>
    public async Task<long> ExportAsync(string name, Func<FloatMatrix, CancellationToken, ValueTask> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var info = await GetInfoAsync(name, cancellationToken);
        return await CorpusExport.RunAsync(_grains, info, rows, cancellationToken);
    }

    /// <summary>The whole corpus as one float32 matrix, rows in the order they were added (for corpora that fit in memory).</summary>
    public async Task<FloatMatrix> ExportAsync(string name, CancellationToken cancellationToken = default)
    {
        var info = await GetInfoAsync(name, cancellationToken);
        var width = info.Dimension ?? 0;
        var values = new float[checked((int)(info.Rows * width))];
        var at = 0;
        await CorpusExport.RunAsync(
            _grains,
            info,
            (run, _) =>
            {
                run.Values.CopyTo(values, at);
                at += run.Values.Length;
                return ValueTask.CompletedTask;
            },
            cancellationToken);
        return new FloatMatrix((int)info.Rows, width, values);
    }

    /// <summary>The texts of <paramref name="rows"/> (null for rows added as embeddings), read from storage.</summary>
    public Task<string?[]> GetTextsAsync(string name, long[] rows, CancellationToken cancellationToken = default) =>
        RetryPolicy.Default.RunAsync(_ => Corpus(CorpusNames.Validate(name)).GetTextsAsync(rows), cancellationToken);

    private ICorpusGrain Corpus(string name) => _grains.GetGrain<ICorpusGrain>(name);

    /// <summary>The width of <paramref name="model"/>'s embeddings: an empty request answers it.</summary>
    private async Task<int> ModelWidthAsync(string model, CancellationToken cancellationToken)
    {
        var encoder = _grains.GetGrain<IEncoderGrain>(new ModelKey(model, _options.Device).ToString());
        return (await RetryPolicy.Default.RunAsync(token => encoder.EncodeAsync([], null, token), cancellationToken)).Columns;
    }

    private async Task<int> TextWidthAsync(CorpusInfo info, CancellationToken cancellationToken)
    {
        try
        {
            return await ModelWidthAsync(info.Model, cancellationToken);
        }
        catch (ModelNotServedException e)
        {
            throw new ModelNotServedException(
                $"corpus '{info.Name}' holds embeddings of model '{info.Model}', which no silo serves, so its texts cannot be encoded ({e.Message})", "model");
        }
    }

    private static async Task AbortQuietlyAsync(ICorpusGrain corpus, Guid ingest)
    {
        try
        {
            await RetryPolicy.Default.RunAsync(
                async _ =>
                {
                    await corpus.AbortIngestAsync(ingest);
                    return true;
                },
                CancellationToken.None);
        }
        catch (Exception)
        {
            // The add stays visible as running in `corpus info`; `corpus abort` removes it later.
        }
    }
}
