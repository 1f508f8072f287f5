using System.Globalization;

namespace Similarity.Silo.Metrics;

/// <summary>
/// The Prometheus text exposition format 0.0.4: <c># HELP</c> and <c># TYPE</c> lines, then
/// <c>name{label="value"} number</c> samples, label values escaped.
/// </summary>
public static class PrometheusTextFormat
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string ValidateName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            throw new ArgumentException($"Invalid metric name '{name}'.", nameof(name));
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or ':'))
            {
                throw new ArgumentException($"Invalid metric name '{name}'.", nameof(name));
            }
        }

        return name;
    }

    public static void WriteHeader(TextWriter output, string name, string help, MetricType type)
    {
        output.Write("# HELP ");
        output.Write(name);
        output.Write(' ');
        output.Write(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal));
        output.Write('\n');
        output.Write("# TYPE ");
        output.Write(name);
        output.Write(' ');
        output.Write(type switch
        {
            MetricType.Counter => "counter",
            MetricType.Gauge => "gauge",
            _ => "histogram",
        });
        output.Write('\n');
    }

    public static void WriteSample(TextWriter output, string name, IReadOnlyList<string> labelNames, IReadOnlyList<string> labelValues, double value)
    {
        output.Write(name);
        if (labelNames.Count > 0)
        {
            output.Write('{');
            for (var i = 0; i < labelNames.Count; i++)
            {
                if (i > 0)
                {
                    output.Write(',');
                }

                output.Write(labelNames[i]);
                output.Write("=\"");
                WriteEscaped(output, labelValues[i]);
                output.Write('"');
            }

            output.Write('}');
        }

        output.Write(' ');
        output.Write(FormatValue(value));
        output.Write('\n');
    }

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static void WriteEscaped(TextWriter output, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    output.Write("\\\\");
                    break;
                case '"':
                    output.Write("\\\"");
                    break;
                case '\n':
                    output.Write("\\n");
                    break;
                default:
                    output.Write(c);
                    break;
            }
        }
    }
}
