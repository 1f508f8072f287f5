using System.Text;
using System.Text.Json;
using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.Reports.Languages;
using Similarity.Grains.Evaluation.Reports.Tables;

namespace Similarity.Grains.Evaluation.Reports.Html;

/// <summary>
/// The data the page's script draws from, as one JSON document: per task its scatter and precision-recall curves, and
/// the language matrix of every correlation metric. Values are rounded to 6 decimals (plenty at plot size); an undefined
/// value (NaN) is <c>null</c>. The default encoder escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so the document
/// can sit inside a script element.
/// </summary>
internal static class HtmlPlotData
{
    private const int Decimals = 6;

    public static string Serialize(EvaluationReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("tasks");
            foreach (var task in report.Tasks)
            {
                WriteTask(json, task);
            }

            json.WriteEndArray();
            WriteMatrix(json, report);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTask(Utf8JsonWriter json, TaskResult task)
    {
        json.WriteStartObject();
        json.WriteString("name", task.Name);
        if (task.Scatter is { } scatter)
        {
            json.WriteStartObject("scatter");
            json.WriteString("function", scatter.Function);
            json.WriteNumber("total", scatter.Total);
            WriteValues(json, "gold", scatter.Gold);
            WriteValues(json, "predicted", scatter.Predicted);
            json.WriteEndObject();
        }

        json.WriteStartArray("curves");
        foreach (var curve in task.Curves)
        {
            json.WriteStartObject();
            json.WriteString("function", curve.Function);
            json.WritePropertyName("ap");
            WriteValue(json, task.Metrics.TryGetValue(AveragePrecisionKey(curve), out var ap) ? ap : double.NaN);
            WriteValues(json, "recall", curve.Recall);
            WriteValues(json, "precision", curve.Precision);
            WriteValues(json, "threshold", curve.Threshold);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteMatrix(Utf8JsonWriter json, EvaluationReport report)
    {
        var keys = MetricTables.Keys(report).Where(k => k.StartsWith("pearson", StringComparison.Ordinal) || k.StartsWith("spearman", StringComparison.Ordinal)).ToList();
        var matrices = keys.Select(k => LanguageMatrix.TryBuild(report.Tasks, k)).OfType<LanguageMatrix>().ToList();
        json.WritePropertyName("matrix");
        if (matrices.Count == 0)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteString("default", HeadlineMetric.Of(keys));
        json.WriteStartArray("languages");
        foreach (var language in matrices[0].Languages)
        {
            json.WriteStringValue(language);
        }

        json.WriteEndArray();
        json.WriteStartArray("metrics");
        foreach (var matrix in matrices)
        {
            var n = matrix.Languages.Count;
            json.WriteStartObject();
            json.WriteString("name", matrix.Metric);
            json.WriteStartArray("cells");
            for (var i = 0; i < matrix.Values.Count; i++)
            {
                if (matrix.Values[i] is { } value)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(i / n);
                    json.WriteNumberValue(i % n);
                    WriteValue(json, value);
                    json.WriteEndArray();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A bi-encoder reports <c>cosine_ap</c> per function; a cross-encoder's one curve goes with <c>ap</c>.</summary>
    private static string AveragePrecisionKey(PrecisionRecallCurve curve) =>
        curve.Function == CrossEncoding.CrossEncoderMetricSet.ProbabilityLabel ? "ap" : curve.Function + "_ap";

    private static void WriteValues(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            WriteValue(json, value);
        }

        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(Math.Round(value, Decimals));
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
