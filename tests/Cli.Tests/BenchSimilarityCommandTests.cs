using System.Text.Json;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public class BenchSimilarityCommandTests
{
    [Fact]
    public async Task Json_reports_kernels_and_naive_loop_on_the_same_data_and_they_agree()
    {
        var result = await Simctl.RunAsync("bench", "similarity", "--n", "300", "--dim", "24", "--queries", "7", "--top-k", "5", "--naive-seconds", "0.05", "--json");

        CliAssert.Succeeded(result);
        var report = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal((300, 24, 7, 5), (report.GetProperty("n").GetInt32(), report.GetProperty("dim").GetInt32(), report.GetProperty("queries").GetInt32(), report.GetProperty("topK").GetInt32()));
        foreach (var section in new[] { "allPairsCosine", "topKSearch" })
        {
            var figures = report.GetProperty(section);
            Assert.True(figures.GetProperty("ratio").GetDouble() > 0, section);
            Assert.InRange(figures.GetProperty("maxAbsDifference").GetDouble(), 0, 1e-5);
        }
    }

    [Fact]
    public async Task The_table_names_both_sides_and_their_score_difference()
    {
        var result = await Simctl.RunAsync("bench", "similarity", "--n", "200", "--dim", "8", "--queries", "3", "--naive-seconds", "0.05");

        CliAssert.Succeeded(result);
        Assert.Contains("all-pairs cosine  kernels", result.StandardOutput);
        Assert.Contains("top-10 search", result.StandardOutput);
        Assert.Contains("largest score difference", result.StandardOutput);
    }

    [Fact]
    public async Task A_corpus_of_no_rows_is_refused()
    {
        var result = await Simctl.RunAsync("bench", "similarity", "--n", "0");

        CliAssert.OneLineError(result, "--n must be at least 1");
    }

    [Fact]
    public async Task A_naive_time_budget_that_is_not_positive_is_refused()
    {
        var result = await Simctl.RunAsync("bench", "similarity", "--naive-seconds", "0");

        CliAssert.OneLineError(result, "--naive-seconds must be a positive number");
    }
}
