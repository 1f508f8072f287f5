using System.Text.Json;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public class EvalCommandTests
{
    private static readonly string[] StsMetrics =
    [
        "pearson_cosine", "spearman_cosine", "pearson_dot", "spearman_dot",
        "pearson_manhattan", "spearman_manhattan", "pearson_euclidean", "spearman_euclidean",
    ];

    private static readonly string[] CrossLingualTasks =
    [
        "de_de", "en_de", "en_en", "en_es", "en_fr", "en_it", "en_ja", "en_nl", "en_pl", "en_pt", "en_ru", "en_zh",
        "es_es", "fr_fr", "it_it", "ja_ja", "nl_nl", "pl_pl", "pt_pt", "ru_ru", "zh_zh",
    ];

    public static TheoryData<string, string, string> Suites => new()
    {
        { "stsb", "dev", "bert-mean" },
        { "sick", "dev", "bert-dense-tanh" },
        { "sts12-16", "test", "bert-dense-tanh" },
        { "mrpc", "train", "bert-dense-tanh" },
        { "qqp", "dev", "bert-dense-tanh" },
        { "stsb-multi-mt", "dev", "multilingual-mean" },
        { "mstsb", "dev", "multilingual-mean" },
    };

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Every_suite_reports_its_tasks_with_the_sentence_transformers_metric_keys(string suite, string split, string model)
    {
        var result = await Simctl.RunAsync("eval", "--model", SharedFolder.Model(model), "--suite", suite, "--data", SharedFolder.Data, "--split", split);

        CliAssert.Succeeded(result);
        var report = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal(["model", "suite", "split", "averaging", "tasks", "average"], report.EnumerateObject().Select(p => p.Name));
        Assert.Equal((model, suite, split), (report.GetProperty("model").GetString(), report.GetProperty("suite").GetString(), report.GetProperty("split").GetString()));
        var tasks = report.GetProperty("tasks").EnumerateObject().ToList();
        Assert.Equal(ExpectedTasks(suite), tasks.Select(t => t.Name));
        var expectedKeys = suite is "mrpc" or "qqp" ? PairClassificationMetrics() : StsMetrics;
        foreach (var task in tasks)
        {
            Assert.Equal(expectedKeys, task.Value.EnumerateObject().Select(m => m.Name));
            Assert.All(task.Value.EnumerateObject(), m => Assert.Equal(JsonValueKind.Number, m.Value.ValueKind));
        }

        Assert.Equal(suite is "stsb-multi-mt" or "mstsb" ? "fisher_z" : "mean", report.GetProperty("averaging").GetString());
        Assert.NotEmpty(report.GetProperty("average").EnumerateObject());
    }

    [Fact]
    public async Task A_cross_encoder_on_a_binary_suite_reports_accuracy_f1_macro_f1_and_ap()
    {
        var result = await Simctl.RunAsync("eval", "--model", SharedFolder.Model("albert-cross-encoder"), "--suite", "mrpc", "--data", SharedFolder.Data, "--split", "train");

        CliAssert.Succeeded(result);
        var metrics = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("tasks").GetProperty("mrpc");
        Assert.Equal(["accuracy", "f1", "f1_macro", "ap"], metrics.EnumerateObject().Select(m => m.Name));
    }

    [Fact]
    public async Task Without_output_the_report_goes_to_stdout_and_the_table_to_stderr()
    {
        var result = await Simctl.RunAsync("eval", "--model", SharedFolder.Model("bert-mean"), "--suite", "sick", "--data", SharedFolder.Data, "--split", "dev");

        CliAssert.Succeeded(result);
        Assert.Equal("sick", JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("suite").GetString());
        Assert.StartsWith("model: bert-mean   suite: sick   split: dev", result.StandardError);
        Assert.Contains("spearman_cosine", result.StandardError);
    }

    [Fact]
    public async Task With_output_the_report_goes_to_the_file_and_the_table_to_stdout()
    {
        using var scratch = new ScratchFolder();
        var output = scratch.File("report.json");

        var result = await Simctl.RunAsync("eval", "--model", SharedFolder.Model("bert-mean"), "--suite", "stsb", "--data", SharedFolder.Data, "--split", "dev", "--output", output);

        CliAssert.Succeeded(result);
        var report = JsonDocument.Parse(File.ReadAllText(output)).RootElement;
        var spearman = report.GetProperty("tasks").GetProperty("stsb").GetProperty("spearman_cosine").GetDouble();
        Assert.StartsWith("model: bert-mean   suite: stsb   split: dev", result.StandardOutput);
        Assert.Contains(spearman.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), result.StandardOutput);
        Assert.Empty(result.StandardError);
    }

    [Fact]
    public async Task A_report_dir_gets_the_json_of_output_a_markdown_and_an_html_report()
    {
        using var scratch = new ScratchFolder();
        var output = scratch.File("report.json");
        var folder = scratch.File("reports", "mstsb-dev");

        var result = await Simctl.RunAsync(
            "eval", "--model", SharedFolder.Model("multilingual-mean"), "--suite", "mstsb", "--data", SharedFolder.Data, "--split", "dev",
            "--output", output, "--report-dir", folder);

        CliAssert.Succeeded(result);
        Assert.Equal(["report.html", "report.json", "report.md"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(output), File.ReadAllBytes(Path.Combine(folder, "report.json")));
        var spearman = JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetProperty("average").GetProperty("spearman_cosine").GetDouble();
        var markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.StartsWith("# Evaluation of `multilingual-mean` on mstsb (dev)", markdown);
        Assert.Contains("| all tasks (21) | ", markdown);
        Assert.Contains(spearman.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), markdown);
        Assert.Contains("## `spearman_cosine` by language pair", markdown);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Equal(21, System.Text.RegularExpressions.Regex.Matches(html, "data-plot=\"scatter\"").Count);
        Assert.StartsWith("model: multilingual-mean   suite: mstsb   split: dev", result.StandardOutput);
    }

    [Fact]
    public async Task With_a_report_dir_and_no_output_stdout_gets_the_table_only()
    {
        using var scratch = new ScratchFolder();

        var result = await Simctl.RunAsync("eval", "--model", SharedFolder.Model("bert-mean"), "--suite", "sick", "--data", SharedFolder.Data, "--split", "dev", "--report-dir", scratch.Path);

        CliAssert.Succeeded(result);
        Assert.StartsWith("model: bert-mean   suite: sick   split: dev", result.StandardOutput);
        Assert.DoesNotContain("{", result.StandardOutput);
        Assert.Empty(result.StandardError);
        Assert.Equal("sick", JsonDocument.Parse(File.ReadAllText(scratch.File("report.json"))).RootElement.GetProperty("suite").GetString());
    }

    [Fact]
    public async Task A_report_dir_that_is_a_file_is_refused_before_the_model_runs()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("taken", "x");

        var result = await Simctl.RunAsync("eval", "--model", SharedFolder.Model("bert-mean"), "--suite", "stsb", "--data", SharedFolder.Data, "--split", "dev", "--report-dir", file);

        CliAssert.OneLineError(result, $"report folder '{file}' is a file");
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task A_malformed_line_in_the_suite_folder_is_one_error_naming_file_and_line()
    {
        using var scratch = new ScratchFolder();
        scratch.Write("sts12-16/2015.images.test.tsv", "score\ts1\ts2\n4.0\ta\tb\n");
        scratch.Write("sts12-16/2016.answers.test.tsv", "score\ts1\ts2\n4.0\ta\tb\n2.5\tc\n");

        var result = await Simctl.RunAsync("eval", "--model", SharedFolder.Model("bert-mean"), "--suite", "sts12-16", "--data", scratch.Path, "--split", "test");

        CliAssert.OneLineError(result, "sts12-16/2016.answers.test.tsv line 3: expected 3 tab-separated columns (gold, sentence1, sentence2), found 2");
    }

    [Fact]
    public async Task The_default_split_is_test_and_a_missing_split_lists_the_available_ones()
    {
        var result = await Simctl.RunAsync("eval", "--model", SharedFolder.Model("bert-mean"), "--suite", "stsb", "--data", SharedFolder.Data);

        CliAssert.OneLineError(result, "stsb has no 'test' split");
        Assert.Contains("available: dev, train", result.StandardError);
    }

    [Fact]
    public async Task An_unknown_suite_lists_the_known_ones()
    {
        var result = await Simctl.RunAsync("eval", "--model", SharedFolder.Model("bert-mean"), "--suite", "glue", "--data", SharedFolder.Data);

        CliAssert.OneLineError(result, "unknown suite 'glue'; known suites: stsb, sick, sts12-16, mrpc, qqp, stsb-multi-mt, mstsb");
    }

    [Fact]
    public async Task An_unknown_split_is_refused()
    {
        var result = await Simctl.RunAsync("eval", "--model", SharedFolder.Model("bert-mean"), "--suite", "stsb", "--data", SharedFolder.Data, "--split", "validation");

        CliAssert.OneLineError(result, "unknown --split 'validation'; expected test, dev, train");
    }

    [Fact]
    public async Task A_missing_data_folder_is_named()
    {
        var result = await Simctl.RunAsync("eval", "--model", SharedFolder.Model("bert-mean"), "--suite", "stsb", "--data", "/no/such/data", "--split", "dev");

        CliAssert.OneLineError(result, "data folder '/no/such/data' does not exist");
    }

    [Fact]
    public async Task A_two_label_cross_encoder_cannot_grade_similarity()
    {
        var result = await Simctl.RunAsync("eval", "--model", SharedFolder.Model("albert-cross-encoder"), "--suite", "stsb", "--data", SharedFolder.Data, "--split", "dev");

        CliAssert.OneLineError(result, "needs a cross-encoder with 1 output");
    }

    [Fact]
    public async Task A_folder_that_is_not_a_model_is_named()
    {
        var folder = Path.Combine(SharedFolder.Data, "sick");

        var result = await Simctl.RunAsync("eval", "--model", folder, "--suite", "stsb", "--data", SharedFolder.Data, "--split", "dev");

        CliAssert.OneLineError(result, $"'{folder}' is not a model folder");
    }

    [Theory]
    [InlineData("status")]
    [InlineData("report")]
    [InlineData("cancel")]
    [InlineData("delete")]
    [InlineData("list")]
    public async Task Querying_a_job_without_a_cluster_says_that_only_a_cluster_keeps_jobs(string command)
    {
        var result = await Simctl.RunAsync(command == "list" ? ["eval", command] : ["eval", command, "stsb-dev-0123456789ab"]);

        CliAssert.OneLineError(result, $"eval {command} needs --cluster: only a cluster keeps jobs", "the job ends with it");
    }

    [Fact]
    public async Task A_job_id_that_cannot_be_one_is_refused_before_connecting()
    {
        var result = await Simctl.RunAsync("eval", "status", "no such job", "--cluster", "Host=127.0.0.1;Port=1;Username=x;Database=x");

        CliAssert.OneLineError(result, "'no such job' is not an evaluation job id");
    }

    private static string[] ExpectedTasks(string suite) => suite switch
    {
        "sts12-16" => Directory.GetFiles(Path.Combine(SharedFolder.Data, "sts12-16"), "*.test.tsv")
            .Select(f => Path.GetFileName(f)[..^".test.tsv".Length]).Order(StringComparer.Ordinal).ToArray(),
        "stsb-multi-mt" or "mstsb" => CrossLingualTasks,
        _ => [suite],
    };

    private static string[] PairClassificationMetrics() =>
        new[] { "cosine", "dot", "manhattan", "euclidean" }
            .SelectMany(f => new[] { "accuracy", "accuracy_threshold", "f1", "f1_threshold", "precision", "recall", "ap", "mcc" }.Select(m => $"{f}_{m}"))
            .ToArray();
}
