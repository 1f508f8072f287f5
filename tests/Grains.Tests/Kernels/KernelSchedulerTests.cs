using System.Collections.Concurrent;
using Similarity.Grains.Clustering;
using Similarity.Grains.Kernels;
using Similarity.Grains.Search;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Kernels;

/// <summary>Kernels given a scheduler run their threads on it (how concurrent shard scans share cores), with the same results.</summary>
public class KernelSchedulerTests
{
    private static readonly EmbeddingMatrix Corpus = SentenceLikeEmbeddings.Create(rows: 3000, dimensions: 64, seed: 31);
    private static readonly EmbeddingMatrix Queries = SentenceLikeEmbeddings.Create(rows: 200, dimensions: 64, seed: 32);

    [Fact]
    public void Scans_run_their_threads_on_the_given_scheduler_and_find_the_same_rows()
    {
        using var scheduler = new OneThreadScheduler();
        var options = new KernelOptions { Scheduler = scheduler, QueryPanelRows = 24 };

        var hits = SemanticSearch.TopK(Queries, Corpus, 5, options: options);
        var communities = CommunityDetector.Detect(Corpus, 0.6, 2, options);

        Assert.True(scheduler.Ran > 0, "no kernel work ran on the scheduler");
        Assert.Equal(SemanticSearch.TopK(Queries, Corpus, 5), hits);
        Assert.Equal(CommunityDetector.Detect(Corpus, 0.6, 2).Select(c => c.Members), communities.Select(c => c.Members));
    }

    /// <summary>Runs every task queued to it on one thread of its own, counting them.</summary>
    private sealed class OneThreadScheduler : TaskScheduler, IDisposable
    {
        private readonly BlockingCollection<Task> _queue = [];
        private readonly Thread _thread;
        private int _ran;

        public OneThreadScheduler()
        {
            _thread = new Thread(() =>
            {
                foreach (var task in _queue.GetConsumingEnumerable())
                {
                    Run(task);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public override int MaximumConcurrencyLevel => 1;

        public int Ran => Volatile.Read(ref _ran);

        public void Dispose()
        {
            _queue.CompleteAdding();
            _thread.Join();
            _queue.Dispose();
        }

        protected override void QueueTask(Task task) => _queue.Add(task);

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
            Thread.CurrentThread == _thread && Run(task);

        protected override IEnumerable<Task> GetScheduledTasks() => [.. _queue];

        private bool Run(Task task)
        {
            Interlocked.Increment(ref _ran);
            return TryExecuteTask(task);
        }
    }
}
