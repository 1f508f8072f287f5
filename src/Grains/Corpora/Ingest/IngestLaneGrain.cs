using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Errors;
using Similarity.Grains.Contracts.Corpora.Ingest;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Grains.Corpora.Ingest;

/// <summary>
/// Takes the batches of one ingest lane one at a time: skips a batch its shard already holds (a re-delivery), encodes
/// texts through the model's encoder grains (spread over the model's lanes, retried on silo loss as the SDK does),
/// checks their width, and appends the rows to their shard, which stores each block once. A batch is only acknowledged to the stream once it
/// is stored, so a silo lost mid-batch leaves it to be delivered again. A refusal no retry cures (the model is not
/// served, rows that do not fit) fails the add, which the corpus then reports to its publisher.
/// </summary>
[ImplicitStreamSubscription(CorpusStreams.Namespace)]
internal sealed class IngestLaneGrain(ILogger<IngestLaneGrain> logger) : Grain, IIngestLaneGrain
{
    /// <summary>Encoder lanes a lane's requests rotate over (as the SDK's): each is a stateless worker grain id.</summary>
    private const int EncoderLanes = 16;

    /// <summary>How long a consumer keeps retrying a batch the encoder's full queue refused before giving it back to the stream.</summary>
    private static readonly TimeSpan OverloadPatience = TimeSpan.FromMinutes(2);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(CorpusStreams.Provider)
            .GetStream<IngestBatch>(StreamId.Create(CorpusStreams.Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync(OnBatchAsync);
    }

    private async Task OnBatchAsync(IngestBatch batch, StreamSequenceToken? token)
    {
        var shard = GrainFactory.GetGrain<IShardGrain>(new ShardKey(batch.Corpus, batch.Shard).ToString());
        try
        {
            if (!await RetryPolicy.Default.RunAsync(_ => shard.NeedsAsync(batch.Ingest, batch.FirstRow), CancellationToken.None))
            {
                return;
            }

            var rows = batch.Embeddings ?? await EncodeAsync(batch);
            if (rows.Columns != batch.Dimension)
            {
                throw new CorpusMismatchException($"corpus '{batch.Corpus}' holds rows of {batch.Dimension} values; batch {batch.Sequence} has {rows.Columns}", "dimension");
            }

            var append = new ShardAppend(batch.Ingest, batch.Sequence, batch.FirstRow, batch.Precision, rows, batch.Texts);
            await RetryPolicy.Default.RunAsync(_ => shard.AppendAsync(append), CancellationToken.None);
        }
        catch (GrainException e) when (e is not OverloadedException)
        {
            logger.LogWarning("Batch {Sequence} of add {Ingest} to corpus {Corpus} failed: {Reason}", batch.Sequence, batch.Ingest, batch.Corpus, e.Message);
            var corpus = GrainFactory.GetGrain<ICorpusGrain>(batch.Corpus);
            await RetryPolicy.Default.RunAsync(
                async _ =>
                {
                    await corpus.ReportIngestFailureAsync(batch.Ingest, batch.Sequence, e.Message);
                    return true;
                },
                CancellationToken.None);
        }
    }

    private async Task<FloatMatrix> EncodeAsync(IngestBatch batch)
    {
        var encoder = GrainFactory.GetGrain<IEncoderGrain>(new ModelKey(batch.Model, batch.Device, (int)(batch.Sequence % EncoderLanes)).ToString());
        var deadline = DateTime.UtcNow + OverloadPatience;
        while (true)
        {
            try
            {
                return await RetryPolicy.Default.RunAsync(token => encoder.EncodeAsync(batch.Texts!, null, token), CancellationToken.None);
            }
            catch (OverloadedException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }
}
