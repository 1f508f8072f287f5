using System.Globalization;
using System.Text;
using System.Text.Json;
using Similarity.Grains.Contracts.Corpora;

namespace Similarity.Cli.Commands.Bench;

/// <summary>What <c>simctl bench corpus</c> measured: per operation both sides' run times and the ratio of their medians, the load average before and after, the corpus load time and the process's peak memory.</summary>
internal sealed record CorpusBenchReport(
    CorpusBench.Settings Settings,
    int SourceRows,
    int Rows,
    int Dimension,
    int Queries,
    LoadAverage LoadBefore,
    LoadAverage LoadAfter,
    double LoadSeconds,
    IReadOnlyList<CorpusBenchReport.Operation> Operations,
    string? Mismatch,
    long PeakWorkingSet,
    long PeakHeap)
{
    public string ToTable()
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(invariant, $"bench corpus: load average {LoadBefore} before, {LoadAfter} after");
        text.AppendLine(invariant, $"  corpus {Rows} x {Dimension} {Settings.Precision.Name()} ({Source}), {Settings.Shards} shards on {Settings.Silos} silos; added in {LoadSeconds:F1} s ({Rows / LoadSeconds:F0} rows/s)");
        text.AppendLine(invariant, $"  search: {Queries} queries, top {Settings.TopK}; cluster: threshold {Settings.Threshold}, min size {Settings.MinSize}; mine: top {Settings.TopK}, {Settings.MaxPairs} pairs; median of {Settings.Runs} run(s) per side, alternating");
        foreach (var op in Operations)
        {
            if (Settings.DistributedOnly)
            {
                text.AppendLine(invariant, $"  {op.Name,-8} distributed {op.DistributedMedian,9:F3} s   in process not run (--distributed-only); {op.Results} {op.ResultName}");
            }
            else
            {
                text.AppendLine(invariant, $"  {op.Name,-8} distributed {op.DistributedMedian,9:F3} s   in process {op.InProcessMedian,9:F3} s   ratio {op.Ratio,6:F3} (distributed / in process); {op.Results} {op.ResultName}");
            }
        }

        text.AppendLine(
            Settings.DistributedOnly ? "  results: not compared (--distributed-only)"
            : Mismatch is null ? "  results: identical on every run (same rows, order and scores)"
            : $"  results: MISMATCH: {Mismatch}");
        text.AppendLine(invariant, $"  peak working set {PeakWorkingSet / 1e9:F2} GB, peak managed heap {PeakHeap / 1e9:F2} GB (this process: silos, client and in-process side)");
        return text.ToString();
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("embeddings", Settings.Embeddings);
            json.WriteNumber("rows", Rows);
            json.WriteNumber("dimension", Dimension);
            json.WriteNumber("replicated_rows", Math.Max(0, Rows - SourceRows));
            json.WriteNumber("noise", Settings.Noise);
            json.WriteString("precision", Settings.Precision.Name());
            json.WriteNumber("silos", Settings.Silos);
            json.WriteNumber("shards", Settings.Shards);
            json.WriteNumber("queries", Queries);
            json.WriteNumber("top_k", Settings.TopK);
            json.WriteNumber("threshold", Settings.Threshold);
            json.WriteNumber("min_size", Settings.MinSize);
            json.WriteNumber("max_pairs", Settings.MaxPairs);
            json.WriteNumber("runs", Settings.Runs);
            LoadBefore.WriteTo(json);
            json.WriteStartArray("load_average_after");
            foreach (var value in LoadAfter.Values)
            {
                json.WriteNumberValue(value);
            }

            json.WriteEndArray();
            json.WriteNumber("add_seconds", LoadSeconds);
            json.WriteStartArray("operations");
            foreach (var op in Operations)
            {
                json.WriteStartObject();
                json.WriteString("op", op.Name);
                WriteSeconds(json, "distributed_seconds", op.DistributedSeconds);
                WriteSeconds(json, "in_process_seconds", op.InProcessSeconds);
                json.WriteNumber("distributed_median", op.DistributedMedian);
                json.WriteNumber("in_process_median", op.InProcessMedian);
                json.WriteNumber("ratio", op.Ratio);
                json.WriteNumber(op.ResultName, op.Results);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteBoolean("compared", !Settings.DistributedOnly);
            json.WriteBoolean("identical", !Settings.DistributedOnly && Mismatch is null);
            if (Mismatch is not null)
            {
                json.WriteString("mismatch", Mismatch);
            }

            json.WriteNumber("peak_working_set_bytes", PeakWorkingSet);
            json.WriteNumber("peak_managed_heap_bytes", PeakHeap);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private string Source => Rows <= SourceRows
        ? $"the first rows of {Settings.Embeddings}"
        : string.Create(CultureInfo.InvariantCulture, $"{SourceRows} rows of {Settings.Embeddings}, the other {Rows - SourceRows} copies of them + gaussian noise (sd {Settings.Noise}), renormalised");

    private static void WriteSeconds(Utf8JsonWriter json, string name, List<double> seconds)
    {
        json.WriteStartArray(name);
        foreach (var value in seconds)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>One operation's timed runs of each side, in run order.</summary>
    public sealed record Operation(string Name, List<double> DistributedSeconds, List<double> InProcessSeconds)
    {
        /// <summary>What the operation found: hits over all queries (search), communities (cluster), pairs (mine).</summary>
        public int Results { get; set; }

        public string ResultName => Name switch { "search" => "hits", "cluster" => "communities", _ => "pairs" };

        public double DistributedMedian => DistributedSeconds.Count == 0 ? double.NaN : Median.Of(DistributedSeconds);

        public double InProcessMedian => InProcessSeconds.Count == 0 ? double.NaN : Median.Of(InProcessSeconds);

        public double Ratio => DistributedMedian / InProcessMedian;
    }
}
