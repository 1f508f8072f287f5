using System.Buffers;
using System.Diagnostics;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Tensors;
using Similarity.Silo.Fabric;
using Similarity.Silo.Fabric.Codec;
using Similarity.Silo.Metrics;

namespace Similarity.Silo.Workers;

/// <summary>
/// The silo end of one work queue: decodes a request, runs the model's encoder or cross-encoder grain, encodes the reply.
/// Request errors become typed error replies; anything else propagates so the fabric retries the request elsewhere.
/// </summary>
public sealed class ModelWorkHandler : IWorkHandler
{
    private readonly WorkerKey _key;
    private readonly IEncoderGrain? _encoder;
    private readonly ICrossEncoderGrain? _crossEncoder;
    private readonly Instruments _encode;
    private readonly Instruments _predict;
    private readonly Histogram _queueWait;

    public ModelWorkHandler(WorkerKey key, IEncoderGrain? encoder, ICrossEncoderGrain? crossEncoder, SiloMetrics metrics)
    {
        if (encoder is null && crossEncoder is null)
        {
            throw new ArgumentException($"Model '{key.Model}' needs an encoder or a cross-encoder.");
        }

        _key = key;
        _encoder = encoder;
        _crossEncoder = crossEncoder;
        _encode = new Instruments(metrics, key, "encode");
        _predict = new Instruments(metrics, key, "predict");
        _queueWait = metrics.QueueWait.WithLabels(SiloMetrics.WorkerLabels(key));
    }

    public async ValueTask HandleAsync(WorkItem item, IBufferWriter<byte> reply, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        _queueWait.Observe(Math.Max(0, (DateTimeOffset.UtcNow - item.SentAt).TotalSeconds));
        var instruments = _encode;
        try
        {
            var kind = PayloadReader.PeekKind(item.Request.Span);
            EmbeddingMatrix result;
            switch (kind)
            {
                case PayloadKind.EncodeRequest:
                    var encoder = _encoder ?? throw new UnsupportedOperationException(
                        $"model '{_key.Model}' is a cross-encoder: it scores text pairs and does not encode texts", "model");
                    var texts = EncodeRequestCodec.Read(item.Request.Span);
                    instruments.Items.Increment(texts.Length);
                    instruments.RequestItems.Observe(texts.Length);
                    result = await encoder.EncodeAsync(texts, cancellationToken).ConfigureAwait(false);
                    break;
                case PayloadKind.PredictRequest:
                    instruments = _predict;
                    var crossEncoder = _crossEncoder ?? throw new UnsupportedOperationException(
                        $"model '{_key.Model}' is a bi-encoder: it encodes texts and does not score pairs", "model");
                    var pairs = PredictRequestCodec.Read(item.Request.Span);
                    instruments.Items.Increment(pairs.Length);
                    instruments.RequestItems.Observe(pairs.Length);
                    result = await crossEncoder.PredictAsync(pairs, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new InvalidRequestException($"a {kind} payload is not a request");
            }

            ReplyCodec.WriteMatrix(reply, result);
            instruments.Succeeded.Increment();
        }
        catch (PayloadFormatException e)
        {
            Reject(reply, instruments, new InvalidRequestException($"invalid request to model '{_key.Model}': {e.Message}", "input"));
        }
        catch (GrainException e)
        {
            Reject(reply, instruments, e);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            instruments.Failed.Increment();
            throw;
        }
        finally
        {
            instruments.Duration.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private static void Reject(IBufferWriter<byte> reply, Instruments instruments, GrainException error)
    {
        ReplyCodec.WriteError(reply, error);
        instruments.Rejected.Increment();
    }

    /// <summary>Metric children for one request kind, looked up once.</summary>
    private sealed class Instruments
    {
        public Instruments(SiloMetrics metrics, WorkerKey key, string kind)
        {
            string[] labels = [.. SiloMetrics.WorkerLabels(key), kind];
            Succeeded = metrics.WorkerRequests.WithLabels([.. labels, "ok"]);
            Rejected = metrics.WorkerRequests.WithLabels([.. labels, "rejected"]);
            Failed = metrics.WorkerRequests.WithLabels([.. labels, "failed"]);
            Items = metrics.WorkerItems.WithLabels(labels);
            RequestItems = metrics.RequestItems.WithLabels(labels);
            Duration = metrics.InferenceDuration.WithLabels(labels);
        }

        public Counter Succeeded { get; }

        public Counter Rejected { get; }

        public Counter Failed { get; }

        public Counter Items { get; }

        public Histogram RequestItems { get; }

        public Histogram Duration { get; }
    }
}
