using System.Text.Json;
using Similarity.Cli.Commands.Bench;
using Similarity.Grains.Clustering;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Search;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public class BenchCorpusCommandTests
{
    private static string Corpus => SharedFolder.Fixture("metrics", "corpus.npy");

    [Fact]
    public async Task Every_operation_through_a_two_silo_cluster_equals_the_in_process_result()
    {
        var result = await Simctl.RunAsync(
            "bench", "corpus", "--embeddings", Corpus, "--rows", "1500", "--silos", "2", "--shards", "3", "--queries", "20", "--top-k", "5",
            "--threshold", "0.8", "--min-size", "10", "--ops", "search,cluster,mine", "--runs", "2", "--json");

        CliAssert.Succeeded(result);
        var report = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.True(report.GetProperty("identical").GetBoolean());
        Assert.Equal((1500, 520), (report.GetProperty("rows").GetInt32(), report.GetProperty("replicated_rows").GetInt32()));
        var ops = report.GetProperty("operations").EnumerateArray().ToDictionary(o => o.GetProperty("op").GetString()!);
        Assert.Equal(["cluster", "mine", "search"], ops.Keys.Order());
        Assert.All(ops.Values, o => Assert.Equal(2, o.GetProperty("distributed_seconds").GetArrayLength()));
        Assert.All(ops.Values, o => Assert.True(o.GetProperty("ratio").GetDouble() > 0));
        Assert.Equal(100, ops["search"].GetProperty("hits").GetInt32());
        Assert.True(ops["cluster"].GetProperty("communities").GetInt32() >= 3, "too few communities to exercise the check");
        Assert.True(ops["mine"].GetProperty("pairs").GetInt32() > 1000);
        Assert.Equal(3, report.GetProperty("load_average").GetArrayLength());
        Assert.True(report.GetProperty("peak_working_set_bytes").GetInt64() > 0);
    }

    [Fact]
    public async Task The_table_gives_the_load_first_and_the_ratio_and_agreement()
    {
        var result = await Simctl.RunAsync("bench", "corpus", "--embeddings", Corpus, "--ops", "cluster", "--threshold", "0.8", "--runs", "1", "--precision", "float16");

        CliAssert.Succeeded(result);
        Assert.StartsWith("bench corpus: load average ", result.StandardOutput);
        Assert.Contains("980 x 32 float16", result.StandardOutput);
        Assert.Contains("(distributed / in process)", result.StandardOutput);
        Assert.Contains("results: identical on every run", result.StandardOutput);
    }

    [Fact]
    public async Task An_unknown_operation_is_refused_by_name()
    {
        var result = await Simctl.RunAsync("bench", "corpus", "--embeddings", Corpus, "--ops", "search,sort");

        CliAssert.OneLineError(result, "--ops: unknown operation 'sort'");
    }

    [Fact]
    public void Identical_results_agree()
    {
        Assert.Null(OperationAgreement.Hits([[new SearchHit(3, 0.9), new SearchHit(1, 0.5)]], [[new CorpusHit(3, 0.9), new CorpusHit(1, 0.5)]]));
        Assert.Null(OperationAgreement.Communities([new Community(4, [4, 2, 7])], [new CorpusCommunity(4, [4, 2, 7])]));
        Assert.Null(OperationAgreement.Pairs([new ParaphrasePair(1, 2, 0.8)], [new CorpusPair(1, 2, 0.8)]));
    }

    [Fact]
    public void A_different_row_order_or_score_is_a_mismatch_that_says_where()
    {
        Assert.Equal(
            "search: query 0 hit 1 is row 2 (score 0.5) through the cluster, row 1 (score 0.5) in process",
            OperationAgreement.Hits([[new SearchHit(3, 0.9), new SearchHit(1, 0.5)]], [[new CorpusHit(3, 0.9), new CorpusHit(2, 0.5)]]));
        Assert.Contains("query 0 hit 0", OperationAgreement.Hits([[new SearchHit(3, 0.9)]], [[new CorpusHit(3, 0.9000001)]]));
        Assert.Equal(
            "cluster: community 0 member 1 is row 7 through the cluster, row 2 in process",
            OperationAgreement.Communities([new Community(4, [4, 2, 7])], [new CorpusCommunity(4, [4, 7, 2])]));
        Assert.Contains("community 0 has 2 members", OperationAgreement.Communities([new Community(4, [4, 2, 7])], [new CorpusCommunity(4, [4, 2])]));
        Assert.Equal("cluster: 0 communities through the cluster, 1 in process", OperationAgreement.Communities([new Community(4, [4, 2, 7])], []));
        Assert.Contains("mine: pair 0 is (1, 3, 0.8)", OperationAgreement.Pairs([new ParaphrasePair(1, 2, 0.8)], [new CorpusPair(1, 3, 0.8)]));
        Assert.Equal("mine: 2 pairs through the cluster, 1 in process", OperationAgreement.Pairs([new ParaphrasePair(1, 2, 0.8)], [new CorpusPair(1, 2, 0.8), new CorpusPair(1, 3, 0.7)]));
    }
}
