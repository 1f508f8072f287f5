using System.Diagnostics;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Inference.Batching;

/// <summary>
/// The engine behind the batched encoders: admits requests into a bounded queue, lets dedicated worker threads take
/// windows of texts from several callers (waiting at most MaxWait to fill one), tokenises them, plans token-budget
/// batches, runs the model and writes each row into its own caller's result.
/// </summary>
internal sealed class BatchScheduler<TInput> : IDisposable
{
    private readonly ITokenBatchModel _model;
    private readonly Func<TInput, EncodedText> _tokenize;
    private readonly BatchingOptions _options;
    private readonly object _gate = new();
    private readonly LinkedList<Request> _pending = new();
    private readonly Thread[] _workers;
    private int _queuedTexts;
    private int _untakenTexts;
    private bool _disposed;
    private long _requests;
    private long _texts;
    private long _batches;
    private long _tokens;
    private long _paddedTokens;
    private long _rejected;
    private long _cancelled;
    private long _inferenceTicks;

    public BatchScheduler(ITokenBatchModel model, Func<TInput, EncodedText> tokenize, BatchingOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenize);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _model = model;
        _tokenize = tokenize;
        _options = options;
        _workers = new Thread[options.Workers];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(new Worker(this).Loop) { IsBackground = true, Name = $"{name} worker {i}" };
            _workers[i].Start();
        }
    }

    public int OutputWidth => _model.OutputWidth;

    public BatchingStatistics Statistics => new(
        Interlocked.Read(ref _requests), Interlocked.Read(ref _texts), Interlocked.Read(ref _batches), Interlocked.Read(ref _tokens),
        Interlocked.Read(ref _paddedTokens), Interlocked.Read(ref _rejected), Interlocked.Read(ref _cancelled),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _inferenceTicks)));

    /// <summary>Rows (in input order) for <paramref name="inputs"/>; fails fast with <see cref="EncoderOverloadedException"/> when full.</summary>
    public Task<EmbeddingMatrix> SubmitAsync(IReadOnlyList<TInput> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<EmbeddingMatrix>(cancellationToken);
        }

        if (inputs.Count == 0)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Task.FromResult(new EmbeddingMatrix(0, _model.OutputWidth));
        }

        // Reserve room first, so a refused request never allocates its result matrix.
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var queued = Volatile.Read(ref _queuedTexts);
            if (inputs.Count > _options.QueueCapacity - queued)
            {
                Interlocked.Increment(ref _rejected);
                return Task.FromException<EmbeddingMatrix>(new EncoderOverloadedException(inputs.Count, queued, _options.QueueCapacity));
            }

            Interlocked.Add(ref _queuedTexts, inputs.Count);
        }

        var request = new Request(inputs, _model.OutputWidth);
        lock (_gate)
        {
            if (_disposed)
            {
                Interlocked.Add(ref _queuedTexts, -inputs.Count);
                throw new ObjectDisposedException(GetType().Name);
            }

            _untakenTexts += inputs.Count;
            request.Node = _pending.AddLast(request);
            Interlocked.Increment(ref _requests);
            Interlocked.Add(ref _texts, inputs.Count);
            Monitor.PulseAll(_gate);
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(static state =>
            {
                var (scheduler, request, token) = ((BatchScheduler<TInput>, Request, CancellationToken))state!;
                scheduler.Cancel(request, token);
            }, (this, request, cancellationToken));
            bool finished;
            lock (_gate)
            {
                finished = request.Finished;
                request.Registration = registration;
            }

            if (finished)
            {
                registration.Dispose();
            }
        }

        return request.Completion.Task;
    }

    public void Dispose()
    {
        List<Request> abandoned;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            abandoned = [.. _pending];
            Monitor.PulseAll(_gate);
        }

        foreach (var request in abandoned)
        {
            Fail(request, new ObjectDisposedException(GetType().Name, "The encoder was disposed before this request ran."));
        }

        foreach (var worker in _workers)
        {
            worker.Join();
        }
    }

    private void Cancel(Request request, CancellationToken token)
    {
        if (Finish(request))
        {
            Interlocked.Increment(ref _cancelled);
            request.Completion.TrySetCanceled(token);
        }
    }

    private void Fail(Request request, Exception error)
    {
        if (Finish(request))
        {
            request.Completion.TrySetException(error);
        }
    }

    /// <summary>Marks a request finished early (cancelled or failed), dropping its untaken rows; false if it already finished.</summary>
    private bool Finish(Request request)
    {
        int untaken;
        CancellationTokenRegistration registration;
        lock (_gate)
        {
            if (request.Finished)
            {
                return false;
            }

            request.Finished = true;
            untaken = request.Inputs.Count - request.NextRow;
            request.NextRow = request.Inputs.Count;
            if (request.Node is not null)
            {
                _pending.Remove(request.Node);
                request.Node = null;
            }

            _untakenTexts -= untaken;
            registration = request.Registration;
        }

        Interlocked.Add(ref _queuedTexts, -untaken);
        registration.Dispose();
        return true;
    }

    /// <summary>Called once per taken row when a worker is done with it (run, skipped or failed).</summary>
    private void ReleaseRows(Request request, int rows)
    {
        Interlocked.Add(ref _queuedTexts, -rows);
        if (Interlocked.Add(ref request.Remaining, -rows) == 0)
        {
            bool completed;
            CancellationTokenRegistration registration;
            lock (_gate)
            {
                completed = !request.Finished;
                request.Finished = true;
                registration = request.Registration;
            }

            if (completed)
            {
                registration.Dispose();
                request.Result.TokenCount = Interlocked.Read(ref request.Tokens);
                request.Completion.TrySetResult(request.Result);
            }
        }
    }

    /// <summary>Blocks until texts are pending, waits up to MaxWait for a fuller window, then takes one; false once disposed.</summary>
    private bool TakeWindow(List<Segment> window)
    {
        window.Clear();
        lock (_gate)
        {
            while (_pending.Count == 0 && !_disposed)
            {
                Monitor.Wait(_gate);
            }

            if (_disposed)
            {
                return false;
            }

            var target = WindowSize();
            var deadline = _pending.First!.Value.Arrived + (long)(_options.MaxWait.TotalSeconds * Stopwatch.Frequency);
            while (_untakenTexts < target && !_disposed && _pending.Count > 0)
            {
                var remaining = deadline - Stopwatch.GetTimestamp();
                if (remaining <= 0)
                {
                    break;
                }

                Monitor.Wait(_gate, TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency));
            }

            if (_disposed || _pending.Count == 0)
            {
                return !_disposed;
            }

            target = WindowSize();
            var taken = 0;
            while (taken < target && _pending.First is { } node)
            {
                var request = node.Value;
                var count = Math.Min(request.Inputs.Count - request.NextRow, target - taken);
                window.Add(new Segment(request, request.NextRow, count));
                request.NextRow += count;
                taken += count;
                if (request.NextRow == request.Inputs.Count)
                {
                    _pending.RemoveFirst();
                    request.Node = null;
                }
            }

            _untakenTexts -= taken;
            return true;
        }
    }

    /// <summary>At least a batch's worth of texts, up to the sort window when the queue is deep, shared out between workers.</summary>
    private int WindowSize()
    {
        var perWorker = (_untakenTexts + _workers.Length - 1) / _workers.Length;
        return Math.Max(_options.MaxBatchSize, Math.Min(_options.SortWindow, perWorker));
    }

    private readonly record struct Segment(Request Request, int Start, int Count);

    private sealed class Request(IReadOnlyList<TInput> inputs, int width)
    {
        public readonly IReadOnlyList<TInput> Inputs = inputs;
        public readonly EmbeddingMatrix Result = new(inputs.Count, width);
        public readonly TaskCompletionSource<EmbeddingMatrix> Completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly long Arrived = Stopwatch.GetTimestamp();
        public int Remaining = inputs.Count;
        public long Tokens;
        public int NextRow;
        public volatile bool Finished;
        public LinkedListNode<Request>? Node;
        public CancellationTokenRegistration Registration;
    }

    /// <summary>One worker thread and the buffers it reuses from window to window.</summary>
    private sealed class Worker(BatchScheduler<TInput> scheduler)
    {
        private readonly List<Segment> _window = [];
        private readonly List<(Request Request, int Row, EncodedText Tokens)> _items = [];
        private readonly BatchPlan _plan = new();
        private readonly TokenBatch _batch = new();
        private readonly List<int> _live = [];
        private int[] _lengths = new int[256];
        private float[] _output = new float[1024];

        public void Loop()
        {
            while (scheduler.TakeWindow(_window))
            {
                try
                {
                    Process();
                }
                catch (Exception e)
                {
                    // Defensive: a bug here must fail the callers, never kill the worker thread (and the process).
                    foreach (var segment in _window)
                    {
                        scheduler.Fail(segment.Request, e);
                    }
                }
                finally
                {
                    _items.Clear();
                }
            }
        }

        private void Process()
        {
            Tokenize();
            if (_lengths.Length < _items.Count)
            {
                _lengths = new int[Math.Max(_items.Count, _lengths.Length * 2)];
            }

            for (var i = 0; i < _items.Count; i++)
            {
                _lengths[i] = _items[i].Tokens.Length;
            }

            TokenBudgetBatcher.Plan(_lengths.AsSpan(0, _items.Count), scheduler._options.BatchTokens, scheduler._options.MaxBatchSize, _plan);
            for (var b = 0; b < _plan.Batches.Count; b++)
            {
                RunBatch(_plan.Indices(b));
            }
        }

        /// <summary>Tokenises the window's rows; a text that fails to tokenise fails its own request only.</summary>
        private void Tokenize()
        {
            var maxLength = scheduler._model.MaxSequenceLength;
            foreach (var (request, start, count) in _window)
            {
                var row = start;
                try
                {
                    for (; row < start + count && !request.Finished; row++)
                    {
                        var tokens = scheduler._tokenize(request.Inputs[row]);
                        if (tokens.Length > maxLength)
                        {
                            throw new InvalidOperationException($"Input {row} has {tokens.Length} tokens but the model takes at most {maxLength}: the tokenizer must truncate to {maxLength}.");
                        }

                        _items.Add((request, row, tokens));
                        Interlocked.Add(ref request.Tokens, tokens.Length);
                    }
                }
                catch (Exception e)
                {
                    scheduler.Fail(request, e);
                }

                // Rows not tokenised (request finished meanwhile, or failed) are done with now.
                var skipped = start + count - row;
                if (skipped > 0)
                {
                    scheduler.ReleaseRows(request, skipped);
                }
            }
        }

        private void RunBatch(ReadOnlySpan<int> indices)
        {
            _live.Clear();
            var longest = 1;
            foreach (var index in indices)
            {
                var item = _items[index];
                if (item.Request.Finished)
                {
                    scheduler.ReleaseRows(item.Request, 1);
                    continue;
                }

                _live.Add(index);
                longest = Math.Max(longest, item.Tokens.Length);
            }

            if (_live.Count == 0)
            {
                return;
            }

            var model = scheduler._model;
            var width = model.OutputWidth;
            _batch.Reset(_live.Count, longest, model.PadTokenId);
            long tokens = 0;
            for (var row = 0; row < _live.Count; row++)
            {
                var encoded = _items[_live[row]].Tokens;
                _batch.SetRow(row, encoded.Ids, encoded.TypeIds);
                tokens += encoded.Length;
            }

            if (_output.Length < _live.Count * width)
            {
                _output = new float[Math.Max(_live.Count * width, _output.Length * 2)];
            }

            try
            {
                var started = Stopwatch.GetTimestamp();
                model.Run(_batch, _output);
                Interlocked.Add(ref scheduler._inferenceTicks, Stopwatch.GetTimestamp() - started);
            }
            catch (Exception e)
            {
                foreach (var index in _live)
                {
                    scheduler.Fail(_items[index].Request, e);
                    scheduler.ReleaseRows(_items[index].Request, 1);
                }

                return;
            }

            Interlocked.Increment(ref scheduler._batches);
            Interlocked.Add(ref scheduler._tokens, tokens);
            Interlocked.Add(ref scheduler._paddedTokens, (long)_live.Count * longest);
            for (var row = 0; row < _live.Count; row++)
            {
                var (request, inputRow, _) = _items[_live[row]];
                if (!request.Finished)
                {
                    _output.AsSpan(row * width, width).CopyTo(request.Result.Row(inputRow));
                }

                scheduler.ReleaseRows(request, 1);
            }
        }
    }
}
