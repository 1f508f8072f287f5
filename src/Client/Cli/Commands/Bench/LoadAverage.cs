using System.Globalization;
using System.Text.Json;

namespace Similarity.Cli.Commands.Bench;

/// <summary>The 1, 5 and 15 minute load averages (Linux) when a bench ran, so its figures can be judged against what else was running.</summary>
internal sealed class LoadAverage
{
    private LoadAverage(double[] values) => Values = values;

    /// <summary>Empty where <c>/proc/loadavg</c> cannot be read.</summary>
    public IReadOnlyList<double> Values { get; }

    public static LoadAverage Read()
    {
        try
        {
            return new(File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return new([]);
        }
    }

    /// <summary>Writes the <c>load_average</c> array of a JSON report.</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartArray("load_average");
        foreach (var load in Values)
        {
            json.WriteNumberValue(load);
        }

        json.WriteEndArray();
    }

    /// <summary>The values as a table shows them: <c>0.52 0.48 0.40</c>.</summary>
    public override string ToString() => string.Join(' ', Values.Select(l => l.ToString("F2", CultureInfo.InvariantCulture)));
}
