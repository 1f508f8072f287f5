using System.Text.Json;
using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.Reports;

namespace Similarity.Grains.Tests.Evaluation;

public class EvaluationReportJsonTests
{
    private static readonly EvaluationReport Report = new(
        "bert-mean",
        "mstsb",
        "dev",
        TaskAveraging.FisherZ,
        [
            TaskResult.MetricsOnly("de_de", Metrics(("pearson_cosine", 0.8123456789012345), ("spearman_cosine", 0.79))),
            TaskResult.MetricsOnly("en_de", Metrics(("pearson_cosine", 0.61), ("spearman_cosine", double.NaN))),
        ],
        Metrics(("pearson_cosine", 0.72), ("spearman_cosine", double.NaN)));

    [Fact]
    public void Serialises_model_suite_split_tasks_and_average()
    {
        using var document = JsonDocument.Parse(EvaluationReportJson.Serialize(Report));
        var root = document.RootElement;

        Assert.Equal(["model", "suite", "split", "averaging", "tasks", "average"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("bert-mean", root.GetProperty("model").GetString());
        Assert.Equal("fisher_z", root.GetProperty("averaging").GetString());
        Assert.Equal(["de_de", "en_de"], root.GetProperty("tasks").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.8123456789012345, root.GetProperty("tasks").GetProperty("de_de").GetProperty("pearson_cosine").GetDouble());
        Assert.Equal(0.72, root.GetProperty("average").GetProperty("pearson_cosine").GetDouble());
    }

    [Fact]
    public void An_undefined_metric_is_written_as_null()
    {
        using var document = JsonDocument.Parse(EvaluationReportJson.Serialize(Report, indented: false));

        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("tasks").GetProperty("en_de").GetProperty("spearman_cosine").ValueKind);
    }

    [Fact]
    public void Reads_back_what_it_writes_with_order_and_values()
    {
        var read = EvaluationReportJson.Deserialize(EvaluationReportJson.Serialize(Report));

        Assert.Equal((Report.Model, Report.Suite, Report.Split, Report.Averaging), (read.Model, read.Suite, read.Split, read.Averaging));
        Assert.Equal(Report.Tasks.Select(t => t.Name), read.Tasks.Select(t => t.Name));
        for (var i = 0; i < Report.Tasks.Count; i++)
        {
            Assert.Equal(Report.Tasks[i].Metrics.ToList(), read.Tasks[i].Metrics.ToList());
        }

        // As lists: comparing the dictionaries themselves would ignore the key order.
        Assert.Equal(Report.Average.ToList(), read.Average.ToList());
    }

    [Fact]
    public void A_document_without_tasks_is_rejected()
    {
        var error = Assert.Throws<JsonException>(() => EvaluationReportJson.Deserialize("""{"model":"m","suite":"s","split":"dev","averaging":"mean"}"""));

        Assert.Contains("'tasks'", error.Message);
    }

    internal static OrderedDictionary<string, double> Metrics(params (string Key, double Value)[] metrics) =>
        new(metrics.Select(m => KeyValuePair.Create(m.Key, m.Value)));
}
