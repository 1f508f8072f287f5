using System.Text.Json;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public class BenchEncodeCommandTests
{
    [Fact]
    public async Task Json_reports_both_modes_on_the_same_corpus_and_their_ratio()
    {
        using var scratch = new ScratchFolder();
        var input = scratch.Write("corpus.txt", Corpus(300));

        var result = await Simctl.RunAsync("bench", "encode", "--model", SharedFolder.Model("bert-dense-tanh"), "--input", input, "--runs", "2", "--batch-tokens", "512", "--max-batch", "16", "--json");

        CliAssert.Succeeded(result);
        var report = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal(300, report.GetProperty("sentences").GetInt32());
        Assert.Equal((512, 16, 2), (report.GetProperty("batch_tokens").GetInt32(), report.GetProperty("max_batch").GetInt32(), report.GetProperty("runs").GetInt32()));
        var batcher = report.GetProperty("batcher");
        var baseline = report.GetProperty("fixed32");
        Assert.Equal(2, batcher.GetProperty("run_seconds").GetArrayLength());
        Assert.Equal(2, baseline.GetProperty("run_seconds").GetArrayLength());
        Assert.Equal(10, baseline.GetProperty("batches").GetInt32());
        Assert.True(batcher.GetProperty("batches").GetInt32() >= 300 / 16);
        var ratio = report.GetProperty("batcher_over_fixed").GetDouble();
        Assert.True(double.IsFinite(ratio) && ratio > 0, $"batcher_over_fixed is {ratio}");
        // The rates and their ratio come from the medians of the timed runs listed (not the warm-up, not another pass).
        Assert.Equal(300 / MedianRunSeconds(batcher), batcher.GetProperty("sentences_per_s").GetDouble(), 1e-9 * batcher.GetProperty("sentences_per_s").GetDouble());
        Assert.Equal(300 / MedianRunSeconds(baseline), baseline.GetProperty("sentences_per_s").GetDouble(), 1e-9 * baseline.GetProperty("sentences_per_s").GetDouble());
        Assert.Equal(MedianRunSeconds(baseline) / MedianRunSeconds(batcher), ratio, 1e-9 * ratio);
        Assert.InRange(batcher.GetProperty("padding_efficiency").GetDouble(), baseline.GetProperty("padding_efficiency").GetDouble(), 1);
        Assert.InRange(report.GetProperty("max_abs_difference").GetDouble(), 0, 1e-4);
        // --threads 0 (the default) runs on every core this process may use, and the CPU time shows whether it did.
        Assert.Equal((Environment.ProcessorCount, 0), (report.GetProperty("threads").GetInt32(), report.GetProperty("threads_requested").GetInt32()));
        Assert.InRange(batcher.GetProperty("cpu_seconds").GetDouble(), double.Epsilon, double.MaxValue);
        Assert.Equal(batcher.GetProperty("cpu_seconds").GetDouble() / batcher.GetProperty("run_seconds").EnumerateArray().Sum(r => r.GetDouble()), batcher.GetProperty("cpu_used").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task The_table_names_both_modes_and_the_ratio()
    {
        using var scratch = new ScratchFolder();
        var input = scratch.Write("corpus.txt", Corpus(64));

        var result = await Simctl.RunAsync("bench", "encode", "--model", SharedFolder.Model("bert-mean"), "--input", input, "--runs", "1");

        CliAssert.Succeeded(result);
        Assert.Contains("token-budget batcher", result.StandardOutput);
        Assert.Contains("fixed 32, input order", result.StandardOutput);
        Assert.Contains("batcher / fixed 32:", result.StandardOutput);
        // Each mode's line: name, median s, sentences/s, tokens/s, batches, padding eff.; the ratio is of the sentences/s printed.
        PrintedFigures.AssertRatio(
            PrintedFigures.Find(result.StandardOutput, @"batcher / fixed 32: (\S+)x .*"),
            PrintedFigures.Find(result.StandardOutput, @"token-budget batcher +\S+ +(\S+) .*"),
            PrintedFigures.Find(result.StandardOutput, @"fixed 32, input order +\S+ +(\S+) .*"));
    }

    [Fact]
    public async Task A_missing_corpus_is_named()
    {
        var result = await Simctl.RunAsync("bench", "encode", "--model", SharedFolder.Model("bert-mean"), "--input", "/no/such/corpus.txt");

        CliAssert.OneLineError(result, "input file not found: /no/such/corpus.txt");
    }

    [Fact]
    public async Task Fewer_than_one_run_is_refused()
    {
        using var scratch = new ScratchFolder();
        var input = scratch.Write("corpus.txt", "a\n");

        var result = await Simctl.RunAsync("bench", "encode", "--model", SharedFolder.Model("bert-mean"), "--input", input, "--runs", "0");

        CliAssert.OneLineError(result, "--runs must be at least 1");
    }

    [Fact]
    public async Task A_cross_encoder_cannot_be_benchmarked_as_an_encoder()
    {
        using var scratch = new ScratchFolder();
        var input = scratch.Write("corpus.txt", "a\n");

        var result = await Simctl.RunAsync("bench", "encode", "--model", SharedFolder.Model("albert-cross-encoder"), "--input", input);

        CliAssert.OneLineError(result, "but a sentence-transformers bi-encoder (modules.json) is needed");
    }

    /// <summary>The median of a mode's <c>run_seconds</c> (the mean of the middle two for an even count).</summary>
    private static double MedianRunSeconds(JsonElement mode)
    {
        var runs = mode.GetProperty("run_seconds").EnumerateArray().Select(r => r.GetDouble()).Order().ToArray();
        Assert.All(runs, seconds => Assert.True(seconds > 0, $"run of {seconds} s"));
        var middle = runs.Length / 2;
        return runs.Length % 2 == 1 ? runs[middle] : (runs[middle - 1] + runs[middle]) / 2;
    }

    /// <summary>The first texts of STSb dev (sentence1 column): real sentences of varied length.</summary>
    private static string Corpus(int texts) =>
        string.Concat(File.ReadLines(Path.Combine(SharedFolder.Data, "stsb", "dev.tsv")).Skip(1).Take(texts).Select(l => l.Split('\t')[1] + "\n"));
}
