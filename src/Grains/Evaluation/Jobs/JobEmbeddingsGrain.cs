using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Evaluation.Jobs.Running;

namespace Similarity.Grains.Evaluation.Jobs;

/// <summary>
/// One job's sentence embeddings on one silo (see <see cref="IJobEmbeddingsGrain"/>): a stateless worker with one
/// activation per silo, so each task calls the one on its own silo. Reentrant, and all its bookkeeping happens in its
/// turns: a request takes the rows known or on their way, claims the rest, and encodes what it claimed; a request that
/// overlaps one in flight waits for those rows instead of encoding them again. Nothing is persisted: a rerun task on
/// another silo encodes again there.
/// </summary>
[StatelessWorker(1)]
[Reentrant]
[CollectionAgeLimit(Minutes = 2)]
internal sealed class JobEmbeddingsGrain(IOptions<EvaluationJobOptions> options) : Grain, IJobEmbeddingsGrain
{
    private readonly Dictionary<string, Task<float[]>> _rows = new(StringComparer.Ordinal);
    private readonly ChunkedGrainCall _calls = new(options.Value.ItemsPerRequest, options.Value.ConcurrentRequests, RetryPolicy.Default);
    private ModelKey? _model;

    public async Task<FloatMatrix> EncodeAsync(string model, DeviceClass device, string[] texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var key = new ModelKey(model, device);
        if (_model is { } known && known != key)
        {
            throw new InvalidRequestException($"evaluation job '{this.GetPrimaryKeyString()}' encodes with {known}, not {key}", "model");
        }

        _model = key;
        var rows = new Task<float[]>[texts.Length];
        var claimed = new List<(string Text, TaskCompletionSource<float[]> Row)>();
        for (var i = 0; i < texts.Length; i++)
        {
            if (!_rows.TryGetValue(texts[i], out var row))
            {
                var source = new TaskCompletionSource<float[]>(TaskCreationOptions.RunContinuationsAsynchronously);
                _rows[texts[i]] = row = source.Task;
                claimed.Add((texts[i], source));
            }

            rows[i] = row;
        }

        if (claimed.Count > 0)
        {
            await EncodeClaimedAsync(key, claimed, cancellationToken);
        }

        var values = await Task.WhenAll(rows);
        var columns = values.Length == 0 ? 0 : values[0].Length;
        var matrix = new float[(long)values.Length * columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i].CopyTo(matrix, (long)i * columns);
        }

        return new FloatMatrix(values.Length, columns, matrix);
    }

    /// <summary>Encodes the claimed texts and hands each its row; on failure the claims are given up, so a later request encodes them again.</summary>
    private async Task EncodeClaimedAsync(ModelKey key, List<(string Text, TaskCompletionSource<float[]> Row)> claimed, CancellationToken cancellationToken)
    {
        try
        {
            var encoded = await ClusterSentenceEncoder.EncodeAsync(GrainFactory, key, _calls, claimed.Select(c => c.Text).ToArray(), cancellationToken);
            for (var i = 0; i < claimed.Count; i++)
            {
                claimed[i].Row.SetResult(encoded.Row(i).ToArray());
            }
        }
        catch (Exception e)
        {
            foreach (var (text, row) in claimed)
            {
                _rows.Remove(text);
                row.SetException(e);
            }

            throw;
        }
    }
}
