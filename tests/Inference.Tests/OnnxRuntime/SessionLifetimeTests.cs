using Similarity.Inference.OnnxRuntime;
using Similarity.TestSupport;
using Xunit.Abstractions;

namespace Similarity.Inference.Tests.OnnxRuntime;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessResourceCollection
{
    /// <summary>Tests that measure the whole process (RSS, fds, threads) run alone.</summary>
    public const string Name = "Process resources";
}

[Collection(ProcessResourceCollection.Name)]
public class SessionLifetimeTests(ITestOutputHelper output)
{
    private static readonly string Model = Path.Combine(SharedFolder.Model("bert-mean"), "onnx", "model.onnx");

    [Fact]
    public void Opening_running_and_disposing_sessions_in_a_loop_does_not_grow_handles_or_memory()
    {
        var batch = new ReferenceBatch(ModelReference.Load("bert-mean"), rows: 20, columns: 64);
        void Cycle()
        {
            using var session = OnnxSession.Open(Model, new OnnxSessionOptions { IntraOpThreads = 2 });
            using var outputs = session.CreateOutputs();
            session.Run(batch.TensorsFor(session), outputs);
            session.Run(batch.TensorsFor(session), outputs);
            Assert.Equal(20 * 64 * 32, outputs.Floats(0).Length);
        }

        for (var i = 0; i < 20; i++)
        {
            Cycle();
        }

        var before = ProcessResources.Measure();
        for (var i = 0; i < 200; i++)
        {
            Cycle();
        }

        var after = ProcessResources.Measure();
        output.WriteLine($"after warm-up {before}, after 200 sessions {after}");

        Assert.InRange(after.OpenFiles - before.OpenFiles, int.MinValue, 4);
        Assert.InRange(after.Threads - before.Threads, int.MinValue, 4);
        // 200 leaked sessions would hold 200 copies of the 4 MB model plus their outputs (>1 GB).
        Assert.InRange(after.ResidentBytes - before.ResidentBytes, long.MinValue, 64L << 20);
    }

    [Fact]
    public void Abandoned_sessions_are_released_by_the_finaliser()
    {
        var batch = new ReferenceBatch(ModelReference.Load("bert-mean"), rows: 2, columns: 8);
        void Abandon()
        {
            // Three intra-op threads: each live session keeps two pool threads of its own.
            var session = OnnxSession.Open(Model, new OnnxSessionOptions { IntraOpThreads = 3 });
            var outputs = session.CreateOutputs();
            session.Run(batch.TensorsFor(session), outputs);
        }

        var before = ProcessResources.Measure();
        for (var i = 0; i < 20; i++)
        {
            Abandon();
        }

        var after = ProcessResources.Measure();
        output.WriteLine($"before {before}, after abandoning 20 sessions and collecting {after}");

        Assert.InRange(after.Threads - before.Threads, int.MinValue, 4);
        Assert.InRange(after.OpenFiles - before.OpenFiles, int.MinValue, 4);
    }

    [Fact]
    public void Default_sessions_start_an_intra_op_pool_thread_for_every_available_core_but_the_callers()
    {
        const int sessions = 6;
        var batch = new ReferenceBatch(ModelReference.Load("bert-mean"), rows: 2, columns: 8);
        var before = ProcessResources.Measure();
        var opened = new List<OnnxSession>();
        try
        {
            for (var i = 0; i < sessions; i++)
            {
                var session = OnnxSession.Open(Model);
                opened.Add(session);
                using var outputs = session.CreateOutputs();
                session.Run(batch.TensorsFor(session), outputs);
            }

            var after = ProcessResources.Measure();
            output.WriteLine($"{Environment.ProcessorCount} cores: threads {before.Threads} before opening {sessions} sessions, {after.Threads} after");

            // Each pool has intra-op threads - 1 workers (the calling thread is the last one); ORT's own default would
            // start one per physical core. Other threads of the process may come and go meanwhile: allow two either way.
            var expected = sessions * (Environment.ProcessorCount - 1);
            Assert.InRange(after.Threads - before.Threads, expected - 2, expected + 2);
        }
        finally
        {
            opened.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void Many_runs_on_one_session_release_their_outputs()
    {
        var batch = new ReferenceBatch(ModelReference.Load("bert-mean"));
        using var session = OnnxSession.Open(Model);
        using var outputs = session.CreateOutputs();
        for (var i = 0; i < 20; i++)
        {
            session.Run(batch.TensorsFor(session), outputs);
        }

        var before = ProcessResources.Measure();
        for (var i = 0; i < 1000; i++)
        {
            session.Run(batch.TensorsFor(session), outputs);
        }

        var after = ProcessResources.Measure();
        output.WriteLine($"after warm-up {before}, after 1000 runs {after}");

        // Each run produces a 20x256x32 float output (640 KB): 1000 leaked outputs would be 640 MB.
        Assert.InRange(after.ResidentBytes - before.ResidentBytes, long.MinValue, 64L << 20);
    }
}
