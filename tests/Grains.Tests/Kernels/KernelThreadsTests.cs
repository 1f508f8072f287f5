using Similarity.Grains.Clustering;
using Similarity.Grains.Kernels;
using Similarity.Grains.Search;
using Xunit;

namespace Similarity.Grains.Tests.Kernels;

/// <summary>
/// Kernels run on a silo's <see cref="KernelThreads"/>: the same results as on the thread pool, every part on the
/// dedicated threads, and more concurrent calls than threads all finish (a call waiting for its parallel parts runs
/// the queued ones itself instead of waiting behind other calls).
/// </summary>
public sealed class KernelThreadsTests
{
    private static readonly Inference.Tensors.EmbeddingMatrix Corpus = SentenceLikeEmbeddings.Create(3000, 48, seed: 7);

    private static readonly Inference.Tensors.EmbeddingMatrix Queries = SentenceLikeEmbeddings.Create(500, 48, seed: 8);

    [Fact]
    public async Task Many_concurrent_searches_on_two_threads_finish_with_the_thread_pool_results()
    {
        var expected = SemanticSearch.TopK(Queries, Corpus, topK: 5);
        using var kernels = new KernelThreads(2);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => kernels.RunAsync(options => SemanticSearch.TopK(Queries, Corpus, 5, options: options))))
            .WaitAsync(TimeSpan.FromMinutes(2));

        Assert.All(results, hits => Assert.Equal(expected.Select(h => h.ToArray()), hits.Select(h => h.ToArray())));
    }

    [Fact]
    public async Task Every_part_of_a_parallel_kernel_runs_on_the_kernel_threads()
    {
        using var kernels = new KernelThreads(2);
        var threads = new HashSet<string?>();

        await kernels.RunAsync(options =>
        {
            Parallel.For(0, 64, options.ParallelOptions(), _ =>
            {
                lock (threads)
                {
                    threads.Add(Thread.CurrentThread.Name);
                }

                Thread.SpinWait(10_000);
            });
            return 0;
        }).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.NotEmpty(threads);
        Assert.All(threads, name => Assert.StartsWith("similarity-kernel-", name));
    }

    [Fact]
    public async Task Community_detection_on_kernel_threads_finds_the_same_communities()
    {
        var expected = CommunityDetector.Detect(Corpus, threshold: 0.6, minCommunitySize: 3);
        using var kernels = new KernelThreads(2);

        var actual = await kernels.RunAsync(options => CommunityDetector.Detect(Corpus, 0.6, 3, options)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(c => c.Members), actual.Select(c => c.Members));
    }

    [Fact]
    public void A_kernel_set_needs_a_thread() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new KernelThreads(0));
}
