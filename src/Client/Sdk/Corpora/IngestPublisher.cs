using System.Diagnostics;
using Orleans.Runtime;
using Orleans.Streams;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Ingest;

namespace Similarity.Client.Corpora;

/// <summary>
/// Publishes one add's batches on its lanes (at most <see cref="CorpusAddOptions.Window"/> batches ahead of what the
/// shards have stored) and follows its progress to the end. When nothing is stored for
/// <see cref="CorpusAddOptions.RepublishAfter"/>, it asks which batches the shards hold and publishes the others again:
/// a stream message a dead silo had taken is not lost, and one delivered twice is stored once.
/// </summary>
internal sealed class IngestPublisher
{
    private readonly ICorpusGrain _corpus;
    private readonly IngestTicket _ticket;
    private readonly ICorpusSource _source;
    private readonly CorpusAddOptions _options;
    private readonly IProgress<IngestProgress>? _progress;
    private readonly IAsyncStream<IngestBatch>[] _lanes;
    private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
    private long _stored = -1;

    public IngestPublisher(
        ICorpusGrain corpus, IStreamProvider streams, IngestTicket ticket, ICorpusSource source, CorpusAddOptions options, IProgress<IngestProgress>? progress)
    {
        _corpus = corpus;
        _ticket = ticket;
        _source = source;
        _options = options;
        _progress = progress;
        _lanes = Enumerable.Range(0, ticket.Lanes).Select(lane => streams.GetStream<IngestBatch>(StreamId.Create(CorpusStreams.Namespace, ticket.LaneKey(lane)))).ToArray();
    }

    /// <summary>Batches the add re-published after a stall.</summary>
    public int Republished { get; private set; }

    /// <summary>Publishes every batch and returns once the corpus reports the add completed; a failed add is a <see cref="CorpusIngestException"/>.</summary>
    public async Task<IngestProgress> RunAsync(CancellationToken cancellationToken)
    {
        var cuts = _source.Cuts;
        var stored = new IngestProgress(_ticket.Id, 0, cuts.Rows, IngestStatus.Running);
        for (var batch = 0; batch < cuts.Batches; batch++)
        {
            // Batches hold about the same number of rows, so rows stored tell roughly how many batches are.
            while (batch - stored.StoredRows * cuts.Batches / cuts.Rows >= _options.Window)
            {
                stored = await PollAsync(batch, cancellationToken);
            }

            await PublishAsync(batch, cancellationToken);
        }

        while (stored.Status != IngestStatus.Completed)
        {
            stored = await PollAsync(cuts.Batches, cancellationToken);
        }

        return stored;
    }

    private async Task PublishAsync(int batch, CancellationToken cancellationToken)
    {
        var input = await _source.ReadBatchAsync(batch, cancellationToken);
        var sequence = _ticket.FirstSequence + batch;
        var message = new IngestBatch(
            _ticket.Corpus, _ticket.Id, sequence, _ticket.FirstRow + _source.Cuts.StartOf(batch), _ticket.ShardOf(sequence),
            _ticket.Model, _ticket.Device, _ticket.Precision, input.Texts, input.Embeddings, _ticket.Dimension);
        var lane = _lanes[batch % _lanes.Length];
        await RetryPolicy.Default.RunAsync(
            async _ =>
            {
                await lane.OnNextAsync(message);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Waits a poll interval and asks the add's progress; after a stall, publishes again what is not stored of the first <paramref name="published"/> batches.</summary>
    private async Task<IngestProgress> PollAsync(int published, CancellationToken cancellationToken)
    {
        await Task.Delay(_options.PollInterval, cancellationToken);
        var progress = await RetryPolicy.Default.RunAsync(_ => _corpus.GetIngestProgressAsync(_ticket.Id), cancellationToken);
        _progress?.Report(progress);
        switch (progress.Status)
        {
            case IngestStatus.Failed:
                throw new CorpusIngestException($"adding {_source.Name} to corpus '{_ticket.Corpus}' failed: {progress.Failure}");
            case IngestStatus.Aborted:
                throw new CorpusIngestException($"adding {_source.Name} to corpus '{_ticket.Corpus}' was aborted" + (progress.Failure is { } why ? $": {why}" : ""));
        }

        if (progress.StoredRows > _stored)
        {
            _stored = progress.StoredRows;
            _sinceProgress.Restart();
        }
        else if (progress.Status == IngestStatus.Running && _sinceProgress.Elapsed >= _options.RepublishAfter)
        {
            await RepublishAsync(published, cancellationToken);
            _sinceProgress.Restart();
        }

        return progress;
    }

    private async Task RepublishAsync(int published, CancellationToken cancellationToken)
    {
        var held = (await RetryPolicy.Default.RunAsync(_ => _corpus.GetStoredSequencesAsync(_ticket.Id), cancellationToken)).ToHashSet();
        for (var batch = 0; batch < published; batch++)
        {
            if (!held.Contains(_ticket.FirstSequence + batch))
            {
                await PublishAsync(batch, cancellationToken);
                Republished++;
            }
        }
    }
}
