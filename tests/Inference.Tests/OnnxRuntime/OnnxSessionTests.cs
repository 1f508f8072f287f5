using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Similarity.Inference.OnnxRuntime;
using OnnxRuntimeException = Similarity.Inference.OnnxRuntime.OnnxRuntimeException;
using Similarity.TestSupport;
using Xunit.Abstractions;

namespace Similarity.Inference.Tests.OnnxRuntime;

public class OnnxSessionTests(ITestOutputHelper log)
{
    private static string ModelFile(string model) => Path.Combine(SharedFolder.Model(model), "onnx", "model.onnx");

    [Fact]
    public void Describes_inputs_and_outputs_with_symbolic_dimensions()
    {
        using var session = OnnxSession.Open(ModelFile("bert-mean"));

        Assert.Equal(["input_ids", "attention_mask", "token_type_ids"], session.Inputs.Select(i => i.Name));
        var inputIds = session.Inputs[0];
        Assert.Equal(TensorElementType.Int64, inputIds.ElementType);
        Assert.Equal([-1L, -1L], inputIds.Dimensions);
        Assert.Equal(["batch_size", "sequence_length"], inputIds.DimensionNames);
        var output = Assert.Single(session.Outputs);
        Assert.Equal("last_hidden_state", output.Name);
        Assert.Equal(TensorElementType.Float, output.ElementType);
        Assert.Equal([-1L, -1L, 32L], output.Dimensions);
        Assert.Equal("last_hidden_state: Float [batch_size, sequence_length, 32]", output.ToString());
    }

    [Fact]
    public void Declares_only_the_inputs_a_model_uses()
    {
        using var session = OnnxSession.Open(ModelFile("mpnet-like-normalize"));

        Assert.Equal(["input_ids", "attention_mask"], session.Inputs.Select(i => i.Name));
        Assert.Equal(-1, session.FindInput("token_type_ids"));
    }

    [Theory]
    [InlineData("bert-mean")]
    [InlineData("bert-dense-tanh")]
    [InlineData("mpnet-like-normalize")]
    [InlineData("multilingual-mean")]
    public void Token_embeddings_of_the_reference_batch_match_pytorch(string model)
    {
        var reference = ModelReference.Load(model);
        var batch = new ReferenceBatch(reference);
        using var session = OnnxSession.Open(ModelFile(model));
        using var outputs = session.CreateOutputs();

        session.Run(batch.TensorsFor(session), outputs);

        var shape = outputs.Shape(0);
        Assert.Equal(new TensorShape(batch.Rows, batch.Columns, 32 / (model == "multilingual-mean" ? 4 : 1)), shape);
        var hidden = (int)shape[2];
        var data = outputs.Floats(0);
        double worst = 0;
        for (var s = 0; s < batch.Rows; s++)
        {
            var expected = reference.TokenEmbeddings(s);
            for (var t = 0; t < expected.Length; t++)
            {
                worst = Math.Max(worst, ModelReference.MaxAbsDifference(data.Slice(((s * batch.Columns) + t) * hidden, hidden), expected[t]));
            }
        }

        log.WriteLine($"{model}: max |token embeddings - PyTorch| = {worst:E2}");
        Assert.InRange(worst, 0, ModelReference.Tolerance);
    }

    [Fact]
    public void Outputs_are_reusable_across_runs_of_different_shapes()
    {
        var reference = ModelReference.Load("bert-mean");
        using var session = OnnxSession.Open(ModelFile("bert-mean"));
        using var outputs = session.CreateOutputs("last_hidden_state");
        var wide = new ReferenceBatch(reference, rows: 3, columns: 20);
        var narrow = new ReferenceBatch(reference, rows: 2, columns: 8);

        session.Run(wide.TensorsFor(session), outputs);
        var first = outputs.Floats(0)[..32].ToArray();
        Assert.Equal(new TensorShape(3, 20, 32), outputs.Shape(0));
        session.Run(narrow.TensorsFor(session), outputs);

        Assert.Equal(new TensorShape(2, 8, 32), outputs.Shape(0));
        Assert.Equal(first, outputs.Floats(0)[..32].ToArray());
    }

    [Fact]
    public void Concurrent_runs_on_one_session_give_the_same_results()
    {
        var batch = new ReferenceBatch(ModelReference.Load("bert-mean"), rows: 4, columns: 16);
        using var session = OnnxSession.Open(ModelFile("bert-mean"), new OnnxSessionOptions { IntraOpThreads = 1 });
        var results = new float[6][];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 3 }, i =>
        {
            using var outputs = session.CreateOutputs();
            for (var repeat = 0; repeat < 5; repeat++)
            {
                session.Run(batch.TensorsFor(session), outputs);
            }

            results[i] = outputs.Floats(0).ToArray();
        });

        Assert.All(results, r => Assert.Equal(results[0], r));
    }

    [Fact]
    public void Graph_optimisation_level_does_not_change_results_beyond_tolerance()
    {
        var batch = new ReferenceBatch(ModelReference.Load("bert-mean"), rows: 4, columns: 16);
        using var optimised = OnnxSession.Open(ModelFile("bert-mean"));
        using var plain = OnnxSession.Open(ModelFile("bert-mean"), new OnnxSessionOptions { GraphOptimization = GraphOptimizationLevel.ORT_DISABLE_ALL, IntraOpThreads = 1, InterOpThreads = 1 });
        using var a = optimised.CreateOutputs();
        using var b = plain.CreateOutputs();

        optimised.Run(batch.TensorsFor(optimised), a);
        plain.Run(batch.TensorsFor(plain), b);

        Assert.InRange(ModelReference.MaxAbsDifference(a.Floats(0), b.Floats(0).ToArray()), 0, 1e-5);
    }

    [Fact]
    public void Missing_model_file_gives_ort_error_code_and_message()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-model", "model.onnx");

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Open(path));

        Assert.Contains("NoSuchFile", error.RuntimeMessage);
        Assert.Contains("File doesn't exist", error.RuntimeMessage);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Corrupt_model_file_gives_ort_protobuf_error()
    {
        var path = Path.GetTempFileName();
        try
        {
            var bytes = File.ReadAllBytes(ModelFile("albert-cross-encoder"));
            File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 3).ToArray());

            var error = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Open(path));

            Assert.Contains("InvalidProtobuf", error.RuntimeMessage);
            Assert.Contains("Protobuf parsing failed", error.RuntimeMessage);
            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Input_of_wrong_rank_is_rejected_naming_the_input_and_both_shapes()
    {
        var batch = new ReferenceBatch(ModelReference.Load("bert-mean"), rows: 2, columns: 5);
        using var session = OnnxSession.Open(ModelFile("bert-mean"));
        using var outputs = session.CreateOutputs();
        var tensors = batch.TensorsFor(session);
        tensors[0] = OnnxTensor.Create(batch.InputIds, new TensorShape([10]));

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run(tensors, outputs));

        Assert.Contains("input_ids: Int64 [batch_size, sequence_length]", error.Message);
        Assert.Contains("shape [10]", error.Message);
        Assert.Contains("rank 2, not 1", error.Message);
    }

    [Fact]
    public void Inputs_whose_shapes_disagree_give_ort_runtime_error()
    {
        var reference = ModelReference.Load("bert-mean");
        var batch = new ReferenceBatch(reference, rows: 2, columns: 6);
        using var session = OnnxSession.Open(ModelFile("bert-mean"));
        using var outputs = session.CreateOutputs();
        var tensors = batch.TensorsFor(session);
        tensors[1] = OnnxTensor.Create(batch.AttentionMask, new TensorShape(2, 5));

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run(tensors, outputs));

        Assert.StartsWith("[ErrorCode:", error.RuntimeMessage);
        Assert.Contains("run the model", error.Message);
        Assert.False(outputs.HasValues);
    }

    [Fact]
    public void Wrong_element_type_and_missing_inputs_are_rejected()
    {
        using var session = OnnxSession.Open(ModelFile("bert-mean"));
        using var outputs = session.CreateOutputs();
        var ints = new PinnedBuffer<int>(4);
        var longs = new PinnedBuffer<long>(4);
        var shape = new TensorShape(1, 4);

        var wrongType = Assert.Throws<OnnxRuntimeException>(() =>
            session.Run([OnnxTensor.Create(ints, shape), OnnxTensor.Create(longs, shape), OnnxTensor.Create(longs, shape)], outputs));
        var tooFew = Assert.Throws<OnnxRuntimeException>(() => session.Run([OnnxTensor.Create(longs, shape)], outputs));

        Assert.Contains("element type is Int64, not Int32", wrongType.Message);
        Assert.Contains("takes 3 inputs", tooFew.Message);
    }

    [Fact]
    public void Shape_larger_than_the_buffer_is_refused_before_reaching_ort()
    {
        var buffer = new PinnedBuffer<long>(6);

        var error = Assert.Throws<ArgumentException>(() => OnnxTensor.Create(buffer, new TensorShape(2, 4)));

        Assert.Contains("needs 8 elements; the buffer holds 6", error.Message);
    }

    [Fact]
    public void Unknown_output_name_lists_the_real_ones()
    {
        using var session = OnnxSession.Open(ModelFile("albert-cross-encoder"));

        var error = Assert.Throws<ArgumentException>(() => session.CreateOutputs("sentence_embedding"));

        Assert.Contains("has no output 'sentence_embedding'; it has logits", error.Message);
    }

    [Fact]
    public void Disposed_session_refuses_to_run()
    {
        var batch = new ReferenceBatch(ModelReference.Load("bert-mean"), rows: 1, columns: 4);
        var session = OnnxSession.Open(ModelFile("bert-mean"));
        var outputs = session.CreateOutputs();
        var tensors = batch.TensorsFor(session);

        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Run(tensors, outputs));
        outputs.Dispose();
    }

    [Fact]
    public void Disposed_session_refuses_to_create_outputs()
    {
        var session = OnnxSession.Open(ModelFile("bert-mean"));

        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.CreateOutputs());
        Assert.Throws<ObjectDisposedException>(() => session.CreateOutputs("last_hidden_state"));
    }

    [Fact]
    public void Requesting_cuda_where_it_cannot_run_names_what_is_missing_and_the_cpu_keeps_working()
    {
        if (OnnxRuntimePackage.Flavour == "gpu" && File.Exists("/dev/nvidiactl"))
        {
            return;
        }

        var options = new OnnxSessionOptions { ExecutionProvider = OnnxExecutionProvider.Cuda };

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Open(ModelFile("bert-mean"), options));

        Assert.Contains("CUDA execution provider", error.Message);
        Assert.Contains(ModelFile("bert-mean"), error.Message);
        if (OnnxRuntimePackage.Flavour == "cpu")
        {
            Assert.Contains("Microsoft.ML.OnnxRuntime 1.32.0, which has no CUDA provider", error.Message);
            Assert.Contains("-p:OnnxRuntimeFlavour=gpu", error.Message);
        }
        else
        {
            // The GPU package's provider loads, or the loader names the CUDA library it lacks.
            Assert.Matches(@"lib\w+\.so[.\d]*: cannot open shared object file", error.Message);
        }

        using var cpu = OnnxSession.Open(ModelFile("bert-mean"));
        Assert.Equal(3, cpu.Inputs.Count);
    }

    [Fact]
    public void The_runtime_is_the_official_package_release()
    {
        Assert.Equal("1.32.0", OnnxRuntimePackage.Version);
        Assert.Contains("CPUExecutionProvider", OnnxRuntimePackage.AvailableProviders);
    }

    [Fact]
    public void Invalid_options_are_rejected_before_loading()
    {
        var error = Assert.Throws<ArgumentException>(() => OnnxSession.Open(ModelFile("bert-mean"), new OnnxSessionOptions { IntraOpThreads = -2 }));

        Assert.Contains("IntraOpThreads", error.Message);
    }
}
