using System.Text;
using System.Text.Json;
using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Results;

namespace Similarity.Grains.Evaluation.Reports;

/// <summary>
/// JSON form of an <see cref="EvaluationReport"/>. Metric order is kept; an undefined metric (NaN, e.g. the correlation of
/// constant scores) is written as <c>null</c> so every JSON parser accepts the file, and read back as NaN.
/// </summary>
public static class EvaluationReportJson
{
    /// <summary>The report as a JSON document (indented for people by default).</summary>
    public static string Serialize(EvaluationReport report, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, report);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The report as a file holds it: indented JSON and a final newline (<c>simctl eval --output</c>, <c>report.json</c>).</summary>
    public static string Document(EvaluationReport report) => Serialize(report) + "\n";

    /// <summary>Writes the report as one JSON object, e.g. into a larger document.</summary>
    public static void Write(Utf8JsonWriter writer, EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("model", report.Model);
        writer.WriteString("suite", report.Suite);
        writer.WriteString("split", report.Split);
        writer.WriteString("averaging", AveragingName(report.Averaging));
        writer.WriteStartObject("tasks");
        foreach (var task in report.Tasks)
        {
            writer.WritePropertyName(task.Name);
            WriteMetrics(writer, task.Metrics);
        }

        writer.WriteEndObject();
        writer.WritePropertyName("average");
        WriteMetrics(writer, report.Average);
        writer.WriteEndObject();
    }

    /// <summary>Reads a report written by <see cref="Serialize"/>; a malformed document fails with a <see cref="JsonException"/>.</summary>
    public static EvaluationReport Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var tasks = new List<TaskResult>();
        foreach (var task in Required(root, "tasks").EnumerateObject())
        {
            tasks.Add(TaskResult.MetricsOnly(task.Name, ReadMetrics(task.Value)));
        }

        return new EvaluationReport(
            RequiredString(root, "model"),
            RequiredString(root, "suite"),
            RequiredString(root, "split"),
            ParseAveraging(RequiredString(root, "averaging")),
            tasks,
            ReadMetrics(Required(root, "average")));
    }

    /// <summary>The JSON name of an averaging: <c>mean</c> or <c>fisher_z</c>.</summary>
    public static string AveragingName(TaskAveraging averaging) => averaging switch
    {
        TaskAveraging.Mean => "mean",
        TaskAveraging.FisherZ => "fisher_z",
        _ => throw new ArgumentOutOfRangeException(nameof(averaging), averaging, null),
    };

    private static TaskAveraging ParseAveraging(string name) => name switch
    {
        "mean" => TaskAveraging.Mean,
        "fisher_z" => TaskAveraging.FisherZ,
        _ => throw new JsonException($"Unknown averaging '{name}'; expected mean or fisher_z."),
    };

    private static void WriteMetrics(Utf8JsonWriter writer, IReadOnlyDictionary<string, double> metrics)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in metrics)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumber(key, value);
            }
            else
            {
                writer.WriteNull(key);
            }
        }

        writer.WriteEndObject();
    }

    private static OrderedDictionary<string, double> ReadMetrics(JsonElement element)
    {
        var metrics = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            metrics[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => double.NaN,
                JsonValueKind.Number => property.Value.GetDouble(),
                _ => throw new JsonException($"Metric '{property.Name}' is {property.Value.ValueKind}; expected a number or null."),
            };
        }

        return metrics;
    }

    private static JsonElement Required(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new JsonException($"An evaluation report needs an object '{name}'.");

    private static string RequiredString(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new JsonException($"An evaluation report needs a string '{name}'.");
}
