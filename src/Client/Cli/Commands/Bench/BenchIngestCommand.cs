using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Similarity.Cli.Commands.Corpus;
using Similarity.Cli.IO;
using Similarity.Client.Corpora;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Silo.Corpora;

namespace Similarity.Cli.Commands.Bench;

/// <summary>
/// <c>simctl bench ingest</c>: texts/s adding a file to a corpus (published on the ingest streams, encoded by the
/// encoder grains, stored by the shards) against encoding the same texts directly through the same silo, alternating
/// the two after a warm-up of each, with the ratio of the medians. Optionally the silo memory a corpus takes per million
/// rows, float32 and float16: the managed heap a corpus of random rows holds at rest (once the memory streams have let
/// go of its batches), less the heap once it is deleted, each after a full collection; first, apart, the buffers an
/// embedded silo's memory streams pool for an add of that size. In process (an embedded silo) by default;
/// with <c>--cluster</c> through a cluster's silos.
/// </summary>
internal static class BenchIngestCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var model = new Option<string>("--model") { Description = "Model folder (in process) or the NAME the cluster serves it under.", Required = true };
        var input = new Option<string>("--input") { Description = "Texts, one per line (UTF-8).", Required = true };
        var runs = new Option<int>("--runs") { Description = "Timed passes of each side (the median is compared).", DefaultValueFactory = _ => 3 };
        var batchSize = new Option<int>("--batch-size") { Description = "Texts per ingest batch.", DefaultValueFactory = _ => CorpusSources.DefaultBatchSize };
        var lanes = new Option<int>("--lanes") { Description = "Ingest lanes.", DefaultValueFactory = _ => new CorpusAddOptions().Lanes };
        var memoryRows = new Option<long>("--memory-rows") { Description = "Also measure the memory of a corpus of this many random rows, float32 and float16 (0: skip; in process only).", DefaultValueFactory = _ => 0 };
        var dimension = new Option<int>("--dimension") { Description = "Values per row of the memory corpus.", DefaultValueFactory = _ => 384 };
        var json = CommandOutput.JsonSwitch();
        var command = new Command("ingest", "Texts/s of corpus add (streams, encoder grains, shards) vs encoding directly; memory per million rows.");
        command.Options.Add(corpus.Cluster);
        command.Options.Add(corpus.ClusterId);
        foreach (var option in (Option[])[model, input, runs, batchSize, lanes, memoryRows, dimension, json])
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var texts = await CommandInput.ReadAllLinesAsync(parse.GetRequiredValue(input), cancellationToken);
            if (texts.Count == 0)
            {
                throw new CliException($"--input {parse.GetValue(input)} has no texts");
            }

            var settings = new Settings(
                parse.GetRequiredValue(input),
                EmbeddingInputs.AtLeastOne(parse.GetValue(runs), "--runs"),
                parse.GetValue(batchSize),
                parse.GetValue(lanes),
                parse.GetValue(memoryRows),
                EmbeddingInputs.AtLeastOne(parse.GetValue(dimension), "--dimension"));
            var embedded = parse.GetValue(corpus.Cluster) is null;
            if (settings.MemoryRows > 0 && !embedded)
            {
                throw new CliException("--memory-rows measures this process's heap: run it without --cluster");
            }

            await using var session = await corpus.OpenAsync(parse, embedded ? parse.GetRequiredValue(model) : null, cancellationToken);
            var modelName = session.Model ?? parse.GetRequiredValue(model);
            var report = await MeasureAsync(session, modelName, texts, settings, cancellationToken);
            Console.Out.Write(parse.GetValue(json) ? report.ToJson() : report.ToTable());
            return 0;
        });
        return command;
    }

    private static async Task<Report> MeasureAsync(CorpusSession session, string model, List<string> texts, Settings settings, CancellationToken cancellationToken)
    {
        var direct = new List<double>();
        var ingest = new List<double>();
        var options = new CorpusAddOptions { Lanes = settings.Lanes, Window = 4 * settings.Lanes };
        var load = LoadAverage.Read();
        var clock = new Stopwatch();
        for (var run = 0; run <= settings.Runs; run++)
        {
            // Run 0 of each side warms up (JIT, the batcher's buffers, the stream provider's queues).
            clock.Restart();
            await session.Client.EncodeAsync(texts, model, cancellationToken: cancellationToken);
            var directSeconds = clock.Elapsed.TotalSeconds;

            var name = $"bench-ingest-{Guid.NewGuid():N}";
            await session.Corpora.CreateAsync(name, model, CorpusClient.DefaultShards, StoragePrecision.Float32, cancellationToken);
            clock.Restart();
            await session.Corpora.AddAsync(name, new TextSource(texts, settings.BatchSize), options, null, cancellationToken);
            var ingestSeconds = clock.Elapsed.TotalSeconds;
            await session.Corpora.DeleteAsync(name, cancellationToken);
            if (run > 0)
            {
                direct.Add(directSeconds);
                ingest.Add(ingestSeconds);
            }
        }

        var memory = new List<MemoryFigure>();
        long streamBuffers = 0;
        if (settings.MemoryRows > 0)
        {
            // A first add of as many rows, deleted, leaves the memory streams' pooled buffers at their size for such an
            // add (the pool keeps what it made): measured apart, then the corpora are measured against that heap.
            var empty = HeapBytes();
            await AddRandomRowsAsync(session, "bench-memory-warmup", StoragePrecision.Float16, settings, cancellationToken);
            await session.Corpora.DeleteAsync("bench-memory-warmup", cancellationToken);
            await StreamRetentionAsync(cancellationToken);
            streamBuffers = HeapBytes() - empty;
            foreach (var precision in (StoragePrecision[])[StoragePrecision.Float32, StoragePrecision.Float16])
            {
                memory.Add(await MeasureMemoryAsync(session, precision, settings, cancellationToken));
            }
        }

        return new Report(model, settings, texts.Count, load, direct, ingest, memory, streamBuffers);
    }

    private static async Task<MemoryFigure> MeasureMemoryAsync(CorpusSession session, StoragePrecision precision, Settings settings, CancellationToken cancellationToken)
    {
        var name = $"bench-memory-{precision.Name()}";
        var before = HeapBytes();
        await AddRandomRowsAsync(session, name, precision, settings, cancellationToken);
        await StreamRetentionAsync(cancellationToken);
        var atRest = HeapBytes();
        var workingSet = Environment.WorkingSet;
        var info = await session.Corpora.GetInfoAsync(name, cancellationToken);
        await session.Corpora.DeleteAsync(name, cancellationToken);
        var deleted = HeapBytes();
        var perMillion = 1e6 / settings.MemoryRows;
        return new MemoryFigure(
            precision, (atRest - deleted) * perMillion, (atRest - before) * perMillion, info.Shards.Sum(s => s.CachedBytes) * perMillion, workingSet);
    }

    private static async Task AddRandomRowsAsync(CorpusSession session, string name, StoragePrecision precision, Settings settings, CancellationToken cancellationToken)
    {
        await session.Corpora.CreateAsync(name, "bench-random-rows", CorpusClient.DefaultShards, precision, cancellationToken);
        await session.Corpora.AddAsync(
            name, new RandomRowSource(settings.MemoryRows, settings.Dimension), new CorpusAddOptions { Lanes = 4, Window = 8 }, null, cancellationToken);
    }

    /// <summary>Waits until the memory streams have let go of the batches read so far; then only the corpora are left.</summary>
    private static Task StreamRetentionAsync(CancellationToken cancellationToken) =>
        Task.Delay(CorpusSiloBuilderExtensions.MemoryStreamRetention + TimeSpan.FromSeconds(5), cancellationToken);

    /// <summary>Live managed bytes after a full, compacting collection.</summary>
    private static long HeapBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed record Settings(string Input, int Runs, int BatchSize, int Lanes, long MemoryRows, int Dimension);

    /// <summary>
    /// Per million rows: the heap a corpus at rest holds (what its deletion gives back), the heap its add left in all
    /// (with any growth of the stream buffers), the bytes its shards account for (their rows' values); and the
    /// process's working set with the corpus.
    /// </summary>
    private sealed record MemoryFigure(StoragePrecision Precision, double CorpusPerMillion, double AddedPerMillion, double CachedBytesPerMillion, long WorkingSet);

    private sealed record Report(
        string Model, Settings Settings, int Texts, LoadAverage Load, List<double> Direct, List<double> Ingest, List<MemoryFigure> Memory, long StreamBuffers)
    {
        private double DirectRate => Texts / Median.Of(Direct);

        private double IngestRate => Texts / Median.Of(Ingest);

        public string ToJson()
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("model", Model);
                json.WriteString("input", Settings.Input);
                json.WriteNumber("texts", Texts);
                json.WriteNumber("runs", Settings.Runs);
                json.WriteNumber("batch_size", Settings.BatchSize);
                json.WriteNumber("lanes", Settings.Lanes);
                Load.WriteTo(json);
                WriteSide(json, "direct", Direct, DirectRate);
                WriteSide(json, "ingest", Ingest, IngestRate);
                json.WriteNumber("ingest_over_direct", IngestRate / DirectRate);
                json.WriteNumber("stream_buffer_bytes", StreamBuffers);
                json.WriteStartArray("memory");
                foreach (var figure in Memory)
                {
                    json.WriteStartObject();
                    json.WriteString("precision", figure.Precision.Name());
                    json.WriteNumber("rows", Settings.MemoryRows);
                    json.WriteNumber("dimension", Settings.Dimension);
                    json.WriteNumber("corpus_heap_bytes_per_million_rows", figure.CorpusPerMillion);
                    json.WriteNumber("added_heap_bytes_per_million_rows", figure.AddedPerMillion);
                    json.WriteNumber("working_set_bytes_at_rest", figure.WorkingSet);
                    json.WriteNumber("cached_bytes_per_million_rows", figure.CachedBytesPerMillion);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        }

        public string ToTable()
        {
            var table = new StringBuilder();
            var invariant = CultureInfo.InvariantCulture;
            table.AppendLine(invariant, $"bench ingest: {Texts} texts of {Settings.Input}, model {Model}, batches of {Settings.BatchSize} on {Settings.Lanes} lanes, median of {Settings.Runs} runs (load {Load})");
            table.AppendLine(invariant, $"  direct encode  {DirectRate,10:F1} texts/s");
            table.AppendLine(invariant, $"  corpus add     {IngestRate,10:F1} texts/s   {IngestRate / DirectRate:F2}x direct");
            if (Memory.Count > 0)
            {
                table.AppendLine(invariant, $"  memory streams' pooled buffers after an add of {Settings.MemoryRows} rows: {StreamBuffers / 1e9:F3} GB (embedded silos only; kept by the process)");
            }

            foreach (var figure in Memory)
            {
                table.AppendLine(invariant, $"  memory {figure.Precision.Name()}: {figure.CorpusPerMillion / 1e9:F3} GB heap per million {Settings.Dimension}-value rows at rest ({figure.CachedBytesPerMillion / 1e9:F3} GB of row values; the add left {figure.AddedPerMillion / 1e9:F3} GB; working set {figure.WorkingSet / 1e9:F2} GB)");
            }

            return table.ToString();
        }

        private static void WriteSide(Utf8JsonWriter json, string name, List<double> seconds, double rate)
        {
            json.WriteStartObject(name);
            json.WriteStartArray("seconds");
            foreach (var value in seconds)
            {
                json.WriteNumberValue(value);
            }

            json.WriteEndArray();
            json.WriteNumber("texts_per_s", rate);
            json.WriteEndObject();
        }
    }
}
