using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

/// <summary>
/// What <c>--cluster</c> accepts on the model commands, checked before anything connects (runs through a real cluster
/// are in Silo.Tests, next to the servers).
/// </summary>
public class ClusterOptionTests
{
    [Theory]
    [InlineData("encode")]
    [InlineData("predict")]
    [InlineData("eval")]
    public async Task Every_model_command_takes_cluster_cluster_id_and_device(string command)
    {
        var result = await Simctl.RunAsync(command, "--help");

        CliAssert.Succeeded(result);
        Assert.Contains("--cluster <cluster>", result.StandardOutput);
        Assert.Contains("--cluster-id", result.StandardOutput);
        Assert.Contains("--device", result.StandardOutput);
        Assert.Contains("--timeout", result.StandardOutput);
    }

    [Fact]
    public async Task A_cluster_that_is_not_an_amqp_uri_is_refused_without_its_password()
    {
        var result = await Simctl.RunWithInputAsync("x\n", "encode", "--model", "minilm", "--cluster", "http://user:secret@rabbit:5672/");

        CliAssert.OneLineError(result, "--cluster 'http://user:***@rabbit:5672/' must be an amqp:// or amqps:// URI");
    }

    [Fact]
    public async Task With_a_cluster_the_model_is_a_name_not_a_folder()
    {
        var result = await Simctl.RunWithInputAsync("x\n", "encode", "--model", SharedFolder.Model("bert-mean"), "--cluster", "amqp://guest:guest@127.0.0.1:1/");

        CliAssert.OneLineError(result, "is not a model name: with --cluster it names a model the silos serve");
    }

    [Fact]
    public async Task In_process_batching_options_are_refused_with_a_cluster()
    {
        var result = await Simctl.RunWithInputAsync("x\n", "encode", "--model", "minilm", "--cluster", "amqp://guest:guest@127.0.0.1:1/", "--batch-tokens", "512");

        CliAssert.OneLineError(result, "--batch-tokens applies to a model run in this process");
    }

    [Fact]
    public async Task A_cluster_id_without_a_cluster_is_refused()
    {
        var result = await Simctl.RunWithInputAsync("x\n", "encode", "--model", SharedFolder.Model("bert-mean"), "--cluster-id", "prod");

        CliAssert.OneLineError(result, "--cluster-id needs --cluster");
    }

    [Fact]
    public async Task A_timeout_without_a_cluster_is_refused()
    {
        var result = await Simctl.RunWithInputAsync("x\n", "encode", "--model", SharedFolder.Model("bert-mean"), "--timeout", "30");

        CliAssert.OneLineError(result, "--timeout needs --cluster");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("NaN")]
    public async Task A_timeout_that_is_not_a_positive_number_of_seconds_is_refused(string timeout)
    {
        var result = await Simctl.RunWithInputAsync("x\n", "encode", "--model", "minilm", "--cluster", "amqp://guest:guest@127.0.0.1:1/", "--timeout", timeout);

        CliAssert.OneLineError(result, "--timeout must be a positive number of seconds");
    }

    [Fact]
    public async Task An_unreachable_broker_is_one_line_naming_the_fabric()
    {
        var result = await Simctl.RunWithInputAsync("x\n", "encode", "--model", "minilm", "--cluster", "amqp://guest:guest@127.0.0.1:1/");

        CliAssert.OneLineError(result, "fabric is unavailable: cannot reach the broker at 127.0.0.1:1");
    }

    [Fact]
    public async Task Gpu_in_process_needs_the_cuda_provider_and_says_so()
    {
        var result = await Simctl.RunWithInputAsync("x\n", "encode", "--model", SharedFolder.Model("bert-mean"), "--device", "gpu");

        if (result.ExitCode == 0)
        {
            return; // An ONNX Runtime build with the CUDA provider: the GPU ran the model.
        }

        // The CPU package has no CUDA provider and says how to build the GPU one; the GPU package names the library it lacks.
        CliAssert.OneLineError(result, Similarity.Inference.OnnxRuntime.OnnxRuntimePackage.Flavour == "cpu" ? "-p:OnnxRuntimeFlavour=gpu" : "cannot open shared object file");
    }
}
