using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Similarity.Cli.Commands.Models;
using Similarity.Cli.Commands.Streaming;
using Similarity.Cli.IO;
using Similarity.Inference.Batching;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.Loading;
using Similarity.Inference.Models.SentenceTransformers;
using Similarity.Inference.OnnxRuntime;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Bench;

/// <summary>
/// <c>simctl bench encode</c>: sentences/s and tokens/s of the token-budget batcher against fixed batches of 32 texts in
/// input order (same tokenizer, pipeline and threads), in one process: one warm-up pass of each, then the runs
/// alternate between the two and the medians are compared. Prints the ONNX Runtime threads in use and the process CPU
/// time each mode took, so a half-idle machine shows.
/// </summary>
internal static class BenchEncodeCommand
{
    private const int FixedBatchSize = 32;

    public static Command Create()
    {
        var model = new ModelArguments();
        var inputOption = new Option<string>("--input") { Description = "The corpus: one text per line, UTF-8.", Required = true };
        var runsOption = new Option<int>("--runs") { Description = "Timed runs of each mode (the median is reported).", DefaultValueFactory = _ => 3 };
        var jsonOption = CommandOutput.JsonSwitch();
        var command = new Command("encode", "Throughput of the token-budget batcher vs fixed batches of 32 in input order.");
        model.AddTo(command, cluster: false);
        command.Options.Add(inputOption);
        command.Options.Add(runsOption);
        command.Options.Add(jsonOption);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(model.Model)!,
            model.Options(parse),
            parse.GetValue(inputOption)!,
            EmbeddingInputs.AtLeastOne(parse.GetValue(runsOption), "--runs"),
            parse.GetValue(jsonOption),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string modelFolder, BatchingOptions options, string input, int runs, bool json, CancellationToken cancellationToken)
    {
        var texts = await CommandInput.ReadAllLinesAsync(input, cancellationToken);
        if (texts.Count == 0)
        {
            throw new CliException($"{input} has no texts");
        }

        options = options with { QueueCapacity = Math.Max(options.QueueCapacity, texts.Count) };
        using var loaded = ModelLoader.Open(modelFolder, options, ModelFolderKind.SentenceTransformer);
        var encoder = loaded.Encoder;
        var fixedBatches = new FixedBatchEncoder(loaded.Pipeline, loaded.Tokenizer, FixedBatchSize);

        // The first pass counts the tokens and warms the tokenizer up; the second is the one timed.
        var tokens = CountTokens(loaded.Tokenizer, texts);
        var clock = Stopwatch.StartNew();
        CountTokens(loaded.Tokenizer, texts);
        var tokenizeSeconds = clock.Elapsed.TotalSeconds;
        var batcherRuns = new List<double>();
        var fixedRuns = new List<double>();
        var batcherCpu = TimeSpan.Zero;
        var fixedCpu = TimeSpan.Zero;
        EmbeddingMatrix? batcherRows = null;
        EmbeddingMatrix? fixedRows = null;
        var before = encoder.Statistics;
        await TerminalProgress.RunAsync($"bench encode {loaded.Name}", async progress =>
        {
            // Run 0 of each mode is the warm-up.
            for (var run = 0; run <= runs; run++)
            {
                progress.Report(run, runs + 1);
                cancellationToken.ThrowIfCancellationRequested();
                var cpu = ProcessCpu();
                clock.Restart();
                batcherRows = await encoder.EncodeAsync(texts, cancellationToken);
                var batcherSeconds = clock.Elapsed.TotalSeconds;
                var batcherCpuRun = ProcessCpu() - cpu;
                cpu = ProcessCpu();
                clock.Restart();
                fixedRows = fixedBatches.Encode(texts);
                var fixedSeconds = clock.Elapsed.TotalSeconds;
                var fixedCpuRun = ProcessCpu() - cpu;
                if (run > 0)
                {
                    batcherRuns.Add(batcherSeconds);
                    fixedRuns.Add(fixedSeconds);
                    batcherCpu += batcherCpuRun;
                    fixedCpu += fixedCpuRun;
                }
            }

            return 0;
        });

        var after = encoder.Statistics;
        var passes = runs + 1;
        var batcher = new EncodeThroughput("token-budget batcher", batcherRuns, texts.Count, tokens, (after.PaddedTokens - before.PaddedTokens) / passes, (after.Batches - before.Batches) / passes, batcherCpu.TotalSeconds);
        var baseline = new EncodeThroughput($"fixed {FixedBatchSize}, input order", fixedRuns, texts.Count, tokens, fixedBatches.PaddedTokens, fixedBatches.Batches, fixedCpu.TotalSeconds);
        var threads = loaded.Pipeline is SentenceTransformerPipeline pipeline ? pipeline.Transformer.Session.IntraOpThreads : options.ResolvedIntraOpThreads;
        var report = new Report(loaded.Name, input, options, threads, runs, tokenizeSeconds, batcher, baseline, EmbeddingDifference.Max(batcherRows!, fixedRows!), LoadAverage.Read());
        await Console.Out.WriteAsync(json ? report.ToJson() + "\n" : report.ToTable());
        return 0;
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static long CountTokens(ITokenEncoder tokenizer, List<string> texts)
    {
        long tokens = 0;
        foreach (var text in texts)
        {
            tokens += tokenizer.Encode(text).Length;
        }

        return tokens;
    }

    private sealed record Report(
        string Model,
        string Input,
        BatchingOptions Options,
        int Threads,
        int Runs,
        double TokenizeSeconds,
        EncodeThroughput Batcher,
        EncodeThroughput Fixed,
        double MaxAbsDifference,
        LoadAverage LoadAverage)
    {
        public double Ratio => Batcher.SentencesPerSecond / Fixed.SentencesPerSecond;

        public string ToJson()
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteString("model", Model);
                writer.WriteString("input", Input);
                writer.WriteNumber("sentences", Batcher.Sentences);
                writer.WriteNumber("tokens", Batcher.Tokens);
                writer.WriteNumber("batch_tokens", Options.BatchTokens);
                writer.WriteNumber("max_batch", Options.MaxBatchSize);
                writer.WriteNumber("threads", Threads);
                writer.WriteNumber("threads_requested", Options.IntraOpThreads);
                writer.WriteNumber("available_cores", CoreShare.AvailableCores);
                writer.WriteNumber("runs", Runs);
                LoadAverage.WriteTo(writer);
                writer.WriteStartObject("tokenization");
                writer.WriteNumber("seconds", TokenizeSeconds);
                writer.WriteNumber("sentences_per_s", Batcher.Sentences / TokenizeSeconds);
                writer.WriteNumber("tokens_per_s", Batcher.Tokens / TokenizeSeconds);
                writer.WriteEndObject();
                WriteMode(writer, "batcher", Batcher);
                WriteMode(writer, "fixed32", Fixed);
                writer.WriteNumber("batcher_over_fixed", Ratio);
                writer.WriteNumber("max_abs_difference", MaxAbsDifference);
                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        public string ToTable()
        {
            var text = new StringBuilder();
            var threads = Options.IntraOpThreads == 0
                ? Invariant($"{Threads} (0 = the {CoreShare.AvailableCores} cores this process may use)")
                : Threads.ToString(CultureInfo.InvariantCulture);
            text.AppendLine(Invariant($"model {Model}: {Batcher.Sentences} sentences, {Batcher.Tokens} tokens; tokenising alone {Batcher.Sentences / TokenizeSeconds:F0} sentences/s"));
            text.AppendLine(Invariant($"threads {threads}, batch budget {Options.BatchTokens} tokens, max batch {Options.MaxBatchSize}, {Runs} runs after a warm-up, load average {LoadAverage}"));
            text.AppendLine();
            text.AppendLine(Invariant($"{"mode",-22} {"median s",9} {"sentences/s",12} {"tokens/s",10} {"batches",8} {"padding eff.",13} {"CPU s",8} {"CPU used",9}"));
            foreach (var mode in new[] { Batcher, Fixed })
            {
                text.AppendLine(Invariant($"{mode.Name,-22} {mode.MedianSeconds,9:F3} {mode.SentencesPerSecond,12:F1} {mode.TokensPerSecond,10:F0} {mode.Batches,8} {mode.PaddingEfficiency,13:F3} {mode.CpuSeconds,8:F1} {mode.CpuUsed,8:P0}"));
            }

            text.AppendLine();
            text.AppendLine(Invariant($"batcher / fixed {FixedBatchSize}: {Ratio:F2}x   (largest difference between their embeddings: {MaxAbsDifference:G3})"));
            return text.ToString();
        }

        private static void WriteMode(Utf8JsonWriter writer, string name, EncodeThroughput mode)
        {
            writer.WriteStartObject(name);
            writer.WriteNumber("median_seconds", mode.MedianSeconds);
            writer.WriteStartArray("run_seconds");
            foreach (var seconds in mode.RunSeconds)
            {
                writer.WriteNumberValue(seconds);
            }

            writer.WriteEndArray();
            writer.WriteNumber("sentences_per_s", mode.SentencesPerSecond);
            writer.WriteNumber("tokens_per_s", mode.TokensPerSecond);
            writer.WriteNumber("batches", mode.Batches);
            writer.WriteNumber("padded_tokens", mode.PaddedTokens);
            writer.WriteNumber("padding_efficiency", mode.PaddingEfficiency);
            writer.WriteNumber("cpu_seconds", mode.CpuSeconds);
            writer.WriteNumber("cpu_used", mode.CpuUsed);
            writer.WriteEndObject();
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
