using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

/// <summary>
/// What <c>--cluster</c> accepts on the model commands, checked before anything connects (runs through a real cluster
/// are in Silo.Tests, next to the servers).
/// </summary>
public class ClusterOptionTests
{
    /// <summary>A PostgreSQL address nothing listens on.</summary>
    private const string Unreachable = "Host=127.0.0.1;Port=1;Username=silo;Password=secret;Database=similarity;Timeout=2";

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
    public async Task A_cluster_that_is_not_a_postgresql_connection_string_is_refused_without_its_password()
    {
        var result = await Simctl.RunWithInputAsync("x\n", "encode", "--model", "minilm", "--cluster", "Server=db;Pasword=secret");

        CliAssert.OneLineError(result, "--cluster is not a PostgreSQL connection string");
        Assert.DoesNotContain("secret", result.StandardError);
    }

    [Fact]
    public async Task With_a_cluster_the_model_is_a_name_not_a_folder()
    {
        var result = await Simctl.RunWithInputAsync("x\n", "encode", "--model", SharedFolder.Model("bert-mean"), "--cluster", Unreachable);

        CliAssert.OneLineError(result, "is not a model name: with --cluster it names a model the silos serve");
    }

    [Fact]
    public async Task In_process_batching_options_are_refused_with_a_cluster()
    {
        var result = await Simctl.RunWithInputAsync("x\n", "encode", "--model", "minilm", "--cluster", Unreachable, "--batch-tokens", "512");

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
        var result = await Simctl.RunWithInputAsync("x\n", "encode", "--model", "minilm", "--cluster", Unreachable, "--timeout", timeout);

        CliAssert.OneLineError(result, "--timeout must be a positive number of seconds");
    }

    [Fact]
    public async Task An_unreachable_cluster_database_is_one_line_naming_it_without_the_password()
    {
        var result = await Simctl.RunWithInputAsync("x\n", "encode", "--model", "minilm", "--cluster", Unreachable);

        CliAssert.OneLineError(result, "cannot connect to cluster 'default' listed in PostgreSQL at 127.0.0.1:1/similarity");
        Assert.DoesNotContain("secret", result.StandardError);
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
