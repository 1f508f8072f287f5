using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Similarity.Cli.Commands.Models;
using Similarity.Cli.IO;
using Similarity.Client;
using Similarity.Grains.Contracts;
using Similarity.Grains.Serving;
using Similarity.Inference.Batching;
using Similarity.Inference.Tensors;
using Similarity.Silo.Hosting;
using Similarity.Silo.Models;

namespace Similarity.Cli.Commands.Bench;

/// <summary>
/// <c>simctl bench cluster</c>: sentences/s encoding a file through an Orleans cluster of N silos (a development
/// cluster in this process, reached by a client over TCP through the silos' gateways, as another process would) against
/// the same model called in-process, in one run, with their ratio and the per-request overhead of Orleans in
/// milliseconds. Both sides get the same ONNX threads in total (by default all cores in process, an equal share per
/// silo), and the median of <c>--runs</c> timed passes after a warm-up.
/// </summary>
internal static class BenchClusterCommand
{
    private const string ModelName = "bench";

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model folder (sentence-transformers layout)", Required = true };
        var input = new Option<string>("--input") { Description = "Sentences, one per line (UTF-8)", Required = true };
        var silos = new Option<int>("--silos") { Description = "Silos in the cluster (each loads the model)", DefaultValueFactory = _ => 2 };
        var perRequest = new Option<int>("--texts-per-request") { Description = "Sentences per request through the cluster", DefaultValueFactory = _ => 64 };
        var probes = new Option<int>("--probes") { Description = "Requests of --texts-per-request sentences sent one after another on each side; the median latency difference is the overhead per request", DefaultValueFactory = _ => 200 };
        var threads = new Option<int>("--threads") { Description = "ONNX threads in process; each silo gets an equal share (0 = the cores this process may use)", DefaultValueFactory = _ => 0 };
        var runs = new Option<int>("--runs") { Description = "Timed passes over the input on each side (the median is reported)", DefaultValueFactory = _ => 3 };
        var loaderType = new Option<string>("--model-loader") { Description = "Assembly-qualified IModelLoader type (default: the model folder loader)" };
        var json = CommandOutput.JsonSwitch();
        var output = CommandOutput.Option("the figures");
        var command = new Command("cluster", "Sentences/s through an Orleans cluster of N silos vs in-process, and the per-request overhead.")
        {
            model, input, silos, perRequest, probes, threads, runs, loaderType, json, output,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var threadCount = parse.GetValue(threads);
            if (threadCount < 0)
            {
                throw new CliException($"--threads must be 0 (the cores this process may use) or more, got {threadCount}");
            }

            var settings = new Settings(
                parse.GetRequiredValue(model),
                EmbeddingInputs.AtLeastOne(parse.GetValue(silos), "--silos"),
                EmbeddingInputs.AtLeastOne(parse.GetValue(perRequest), "--texts-per-request"),
                EmbeddingInputs.AtLeastOne(parse.GetValue(probes), "--probes"),
                threadCount == 0 ? Inference.OnnxRuntime.CoreShare.AvailableCores : threadCount,
                EmbeddingInputs.AtLeastOne(parse.GetValue(runs), "--runs"));
            var sentences = await CommandInput.ReadAllLinesAsync(parse.GetRequiredValue(input), cancellationToken);
            if (sentences.Count == 0)
            {
                throw new CliException($"--input {parse.GetValue(input)} has no sentences");
            }

            var loader = parse.GetValue(loaderType) is { } type
                ? ModelLoaderActivator.Create(type, new ServiceCollection().BuildServiceProvider())
                : new ModelFolderLoader();
            var figures = await RunAsync(settings, loader, sentences, cancellationToken);

            await using var writer = CommandOutput.OpenWriter(parse.GetValue(output));
            await writer.WriteAsync(parse.GetValue(json) ? ToJson(settings, sentences.Count, figures) : ToTable(settings, sentences.Count, figures));
            return 0;
        });

        return command;
    }

    private static async Task<Figures> RunAsync(Settings settings, IModelLoader loader, List<string> sentences, CancellationToken cancellationToken)
    {
        var binding = new ModelBinding(ModelName, settings.ModelFolder);
        var queue = Math.Max(new BatchingOptions().QueueCapacity, sentences.Count);
        var load = new ModelLoadSettings(DeviceClass.Cpu, new BatchingOptions { QueueCapacity = queue, IntraOpThreads = settings.Threads });
        var warmUp = sentences.Take(Math.Min(sentences.Count, 256)).ToArray();
        double inProcessSeconds;
        EmbeddingMatrix expected;
        await using (var local = await loader.LoadAsync(binding, load, cancellationToken))
        {
            var encoder = local.Encoder ?? throw new CliException($"--model {settings.ModelFolder} is a cross-encoder; bench cluster encodes sentences");
            await encoder.EncodeAsync(warmUp, cancellationToken);
            (inProcessSeconds, expected) = await TimeAsync(settings.Runs, () => encoder.EncodeAsync(sentences, cancellationToken));
        }

        await using var cluster = await DevelopmentCluster.StartAsync(
            settings.Silos,
            (_, silo) =>
            {
                silo.Models[ModelName] = settings.ModelFolder;
                (silo.Threads, silo.QueueCapacity) = (settings.ThreadsPerSilo, queue);
            },
            loader,
            LogLevel.Warning,
            cancellationToken);
        var client = new SimilarityClient(
            await cluster.ConnectClientAsync(cancellationToken: cancellationToken),
            new SimilarityClientOptions { MaxTextsPerRequest = settings.TextsPerRequest, Timeout = TimeSpan.FromMinutes(5) });
        var remote = new ServedSentenceEncoder(client, ModelName, expected.Columns);
        await remote.EncodeAsync(warmUp, cancellationToken);
        var (clusterSeconds, actual) = await TimeAsync(settings.Runs, () => remote.EncodeAsync(sentences, cancellationToken));
        var silo = cluster.Silos[0].Services.GetRequiredService<ServedModels>().Get(ModelName).Encoder!;
        var (directProbe, clusterProbe) = await ProbeAsync(silo.EncodeAsync, remote.EncodeAsync, sentences, settings, cancellationToken);

        return new Figures(
            sentences.Count / inProcessSeconds,
            sentences.Count / clusterSeconds,
            directProbe * 1000,
            clusterProbe * 1000,
            MaxDifference(expected, actual),
            (sentences.Count + settings.TextsPerRequest - 1) / settings.TextsPerRequest,
            LoadAverage.Read());
    }

    /// <summary>The median seconds of <paramref name="runs"/> passes, and the last pass's result.</summary>
    private static async Task<(double Seconds, EmbeddingMatrix Result)> TimeAsync(int runs, Func<Task<EmbeddingMatrix>> run)
    {
        var seconds = new double[runs];
        EmbeddingMatrix? result = null;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = await run();
            seconds[i] = watch.Elapsed.TotalSeconds;
        }

        return (Median.Of(seconds), result!);
    }

    /// <summary>
    /// Median seconds of one request of <see cref="Settings.TextsPerRequest"/> sentences handed straight to a silo's own
    /// batcher, and through the cluster (client, gateway, grain, the same kind of batcher, back), sent one after another
    /// and alternating, so the difference is what Orleans adds to a request, not a difference in compute.
    /// </summary>
    private static async Task<(double Direct, double Cluster)> ProbeAsync(
        Func<IReadOnlyList<string>, CancellationToken, Task<EmbeddingMatrix>> direct,
        Func<IReadOnlyList<string>, CancellationToken, Task<EmbeddingMatrix>> cluster,
        List<string> sentences,
        Settings settings,
        CancellationToken cancellationToken)
    {
        var directSeconds = new double[settings.Probes];
        var clusterSeconds = new double[settings.Probes];
        for (var i = 0; i < settings.Probes; i++)
        {
            var start = i * settings.TextsPerRequest % Math.Max(1, sentences.Count - settings.TextsPerRequest);
            var request = sentences.GetRange(start, Math.Min(settings.TextsPerRequest, sentences.Count - start));
            directSeconds[i] = await TimeOneAsync(direct, request, cancellationToken);
            clusterSeconds[i] = await TimeOneAsync(cluster, request, cancellationToken);
        }

        return (Median.Of(directSeconds), Median.Of(clusterSeconds));
    }

    private static async Task<double> TimeOneAsync(
        Func<IReadOnlyList<string>, CancellationToken, Task<EmbeddingMatrix>> encode, List<string> request, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await encode(request, cancellationToken);
        return watch.Elapsed.TotalSeconds;
    }

    private static double MaxDifference(EmbeddingMatrix expected, EmbeddingMatrix actual)
    {
        if (expected.Rows != actual.Rows || expected.Columns != actual.Columns)
        {
            throw new InvalidOperationException(
                $"the cluster returned a {actual.Rows}x{actual.Columns} result; in-process gave {expected.Rows}x{expected.Columns}");
        }

        return EmbeddingDifference.Max(expected, actual);
    }

    private static string ToTable(Settings settings, int sentences, Figures figures)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"bench cluster: {sentences} sentences, {settings.Silos} Orleans silo(s), {settings.TextsPerRequest} per request ({figures.Requests} requests)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  ONNX threads {settings.Threads} in process, {settings.ThreadsPerSilo} per silo; median of {settings.Runs} run(s); load average {figures.LoadAverage}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  in-process      {figures.InProcessPerSecond,12:0.0} sentences/s");
        text.AppendLine(CultureInfo.InvariantCulture, $"  cluster         {figures.ClusterPerSecond,12:0.0} sentences/s");
        text.AppendLine(CultureInfo.InvariantCulture, $"  ratio           {figures.ClusterPerSecond / figures.InProcessPerSecond,12:0.000} (cluster / in-process)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  one request     {figures.DirectProbeMs,12:0.000} ms on a silo's batcher, {figures.ClusterProbeMs:0.000} ms through the cluster (median of {settings.Probes}, {settings.TextsPerRequest} sentences each)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  overhead        {figures.ClusterProbeMs - figures.DirectProbeMs,12:0.000} ms per request");
        text.AppendLine(CultureInfo.InvariantCulture, $"  max |diff|      {figures.MaxDifference,12:0.###e+0} between cluster and in-process embeddings");
        return text.ToString();
    }

    private static string ToJson(Settings settings, int sentences, Figures figures)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("sentences", sentences);
            json.WriteNumber("silos", settings.Silos);
            json.WriteNumber("texts_per_request", settings.TextsPerRequest);
            json.WriteNumber("threads_in_process", settings.Threads);
            json.WriteNumber("threads_per_silo", settings.ThreadsPerSilo);
            json.WriteNumber("runs", settings.Runs);
            figures.LoadAverage.WriteTo(json);
            json.WriteNumber("requests", figures.Requests);
            json.WriteNumber("in_process_sentences_per_second", figures.InProcessPerSecond);
            json.WriteNumber("cluster_sentences_per_second", figures.ClusterPerSecond);
            json.WriteNumber("ratio", figures.ClusterPerSecond / figures.InProcessPerSecond);
            json.WriteNumber("direct_request_ms", figures.DirectProbeMs);
            json.WriteNumber("cluster_request_ms", figures.ClusterProbeMs);
            json.WriteNumber("overhead_ms_per_request", figures.ClusterProbeMs - figures.DirectProbeMs);
            json.WriteNumber("max_abs_difference", figures.MaxDifference);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private sealed record Settings(string ModelFolder, int Silos, int TextsPerRequest, int Probes, int Threads, int Runs)
    {
        /// <summary>An equal share of the in-process threads, so both sides compute with the same number of threads.</summary>
        public int ThreadsPerSilo => Math.Max(1, Threads / Silos);
    }

    private sealed record Figures(
        double InProcessPerSecond, double ClusterPerSecond, double DirectProbeMs, double ClusterProbeMs, double MaxDifference, int Requests, LoadAverage LoadAverage);
}
