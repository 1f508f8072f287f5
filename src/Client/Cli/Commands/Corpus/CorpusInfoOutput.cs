using System.Globalization;
using System.Text.Json;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Ingest;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>A corpus's info on stdout: one JSON object for machines, or a few lines for people.</summary>
internal static class CorpusInfoOutput
{
    public static void Write(CorpusInfo info, bool json)
    {
        if (json)
        {
            WriteJson(info);
        }
        else
        {
            WriteText(info);
        }
    }

    private static void WriteJson(CorpusInfo info)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("name", info.Name);
            writer.WriteString("model", info.Model);
            if (info.Dimension is { } dimension)
            {
                writer.WriteNumber("dimension", dimension);
            }
            else
            {
                writer.WriteNull("dimension");
            }

            writer.WriteString("precision", info.Precision.Name());
            writer.WriteNumber("rows", info.Rows);
            writer.WriteString("created_at", info.CreatedAt);
            writer.WriteStartArray("shards");
            foreach (var shard in info.Shards)
            {
                writer.WriteStartObject();
                writer.WriteNumber("index", shard.Index);
                writer.WriteNumber("rows", shard.Rows);
                writer.WriteNumber("blocks", shard.Blocks);
                writer.WriteNumber("cached_bytes", shard.CachedBytes);
                writer.WriteString("silo", shard.Silo);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (info.Ingest is { } ingest)
            {
                writer.WriteStartObject("ingest");
                writer.WriteString("id", ingest.Id);
                writer.WriteString("status", ingest.Status.ToString().ToLowerInvariant());
                writer.WriteNumber("stored_rows", ingest.StoredRows);
                writer.WriteNumber("expected_rows", ingest.ExpectedRows);
                writer.WriteString("source", ingest.Source);
                writer.WriteString("failure", ingest.Failure);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("ingest");
            }

            writer.WriteEndObject();
        }

        stdout.Write("\n"u8);
    }

    private static void WriteText(CorpusInfo info)
    {
        var output = Console.Out;
        var dimension = info.Dimension?.ToString(CultureInfo.InvariantCulture) ?? "unknown until rows are added";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus {info.Name}: {info.Rows} rows of model {info.Model}, {dimension} dimensions, {info.Precision.Name()}"));
        foreach (var shard in info.Shards)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  shard {shard.Index}: {shard.Rows} rows in {shard.Blocks} blocks, {shard.CachedBytes / 1048576.0:F1} MiB cached on {shard.Silo}"));
        }

        if (info.Ingest is { } ingest)
        {
            var status = ingest.Status == IngestStatus.Failed ? $"failed: {ingest.Failure}" : ingest.Status.ToString().ToLowerInvariant();
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"  add {ingest.Id:N} ({ingest.Source}): {ingest.StoredRows} of {ingest.ExpectedRows} rows stored, {status}"));
        }
    }
}
