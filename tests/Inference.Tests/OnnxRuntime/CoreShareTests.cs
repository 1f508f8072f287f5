using Similarity.Inference.Batching;
using Similarity.Inference.OnnxRuntime;

namespace Similarity.Inference.Tests.OnnxRuntime;

public class CoreShareTests
{
    [Fact]
    public void Default_session_options_resolve_to_the_cores_the_process_may_use()
    {
        Assert.Equal(Environment.ProcessorCount, OnnxSessionOptions.Default.ResolvedIntraOpThreads);
        Assert.Equal(Environment.ProcessorCount, new BatchingOptions().ResolvedIntraOpThreads);
    }

    [Theory]
    [InlineData(0, 1, 8, 8)]
    [InlineData(0, 2, 8, 4)]
    [InlineData(0, 3, 8, 2)]
    [InlineData(0, 4, 2, 1)]
    [InlineData(3, 4, 2, 3)]
    public void Zero_splits_the_cores_among_concurrent_sessions_and_a_count_is_kept(int requested, int sharers, int cores, int expected)
    {
        Assert.Equal(expected, new CoreShare(requested, sharers).Resolve(cores));
    }

    [Fact]
    public void Models_and_workers_of_a_process_share_its_cores()
    {
        var options = new BatchingOptions { ModelsInProcess = 2, Workers = 2 };

        Assert.Equal(4, options.SessionOptions().ConcurrentSessions);
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 4), options.ResolvedIntraOpThreads);
        Assert.Equal(5, (options with { IntraOpThreads = 5 }).ResolvedIntraOpThreads);
    }

    [Fact]
    public void A_session_opened_with_defaults_reports_the_resolved_thread_count()
    {
        using var session = OnnxSession.Open(Path.Combine(Similarity.TestSupport.SharedFolder.Model("bert-mean"), "onnx", "model.onnx"));

        Assert.Equal(Environment.ProcessorCount, session.IntraOpThreads);
    }
}
