using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Similarity.Silo.Hosting;
using Similarity.Silo.Models;
using Similarity.Inference.OnnxRuntime;

namespace Similarity.Cli.Commands;

/// <summary>
/// <c>simctl silo</c>: runs a silo until stopped (Ctrl+C or SIGTERM drain it gracefully). Settings come from a JSON
/// file (<c>--config</c>, section <c>Silo</c>), then <c>SIMILARITY_SILO__*</c> environment variables, then the options.
/// </summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var broker = new Option<string>("--broker") { Description = "RabbitMQ URI, amqp://USER:PASS@HOST:PORT/VHOST (none: in-memory fabric, one process)" };
        var postgres = new Option<string>("--postgres") { Description = "PostgreSQL connection string for membership (none: in-memory)" };
        var models = new Option<string[]>("--model") { Description = "A model to serve, NAME=DIR where DIR is a model folder or a cached model name (repeatable)", AllowMultipleArgumentsPerToken = false };
        var device = new Option<string>("--device") { Description = "Device class of this silo: cpu or gpu" };
        var batchTokens = new Option<int?>("--batch-tokens") { Description = "Token budget of one inference batch" };
        var maxWait = new Option<int?>("--max-wait-ms") { Description = "How long the batcher waits to fill a batch" };
        var maxBatch = new Option<int?>("--max-batch") { Description = "Most texts (or pairs) in one inference batch" };
        var threads = new Option<int?>("--threads") { Description = $"ONNX Runtime threads per operator for each model ({CoreShare.DefaultDescription})" };
        var workers = new Option<int?>("--inference-workers") { Description = "Inference threads per model, each running one batch at a time" };
        var queueCapacity = new Option<int?>("--queue-capacity") { Description = "Texts a model's batcher holds before callers are told it is overloaded (HTTP 429)" };
        var http = new Option<string>("--http") { Description = "Serve the HTTP API, /healthz, /readyz and /metrics on HOST:PORT" };
        var config = new Option<string>("--config") { Description = "JSON settings file (section \"Silo\")" };
        var clusterId = new Option<string>("--cluster-id") { Description = "Cluster to join (default: default)" };
        var siloId = new Option<string>("--silo-id") { Description = "This silo's id in membership (default: host-pid-random)" };
        var prefetch = new Option<int?>("--prefetch") { Description = "Requests handled at once per model" };
        var maxQueue = new Option<int?>("--max-queue-length") { Description = "Requests a work queue holds before callers are told it is overloaded" };
        var deliveryLimit = new Option<int?>("--delivery-limit") { Description = "Returns of a failing request before it is dead-lettered" };
        var command = new Command("silo", "Run a silo: serve models from work queues, join membership, optionally serve HTTP.")
        {
            broker, postgres, models, device, batchTokens, maxWait, maxBatch, threads, workers, queueCapacity, http, config, clusterId, siloId,
            prefetch, maxQueue, deliveryLimit,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            Set(overrides, nameof(SiloOptions.Broker), parse.GetValue(broker));
            Set(overrides, nameof(SiloOptions.Postgres), parse.GetValue(postgres));
            Set(overrides, nameof(SiloOptions.Device), parse.GetValue(device));
            Set(overrides, nameof(SiloOptions.BatchTokens), parse.GetValue(batchTokens));
            Set(overrides, nameof(SiloOptions.MaxWaitMs), parse.GetValue(maxWait));
            Set(overrides, nameof(SiloOptions.MaxBatch), parse.GetValue(maxBatch));
            Set(overrides, nameof(SiloOptions.Threads), parse.GetValue(threads));
            Set(overrides, nameof(SiloOptions.InferenceWorkers), parse.GetValue(workers));
            Set(overrides, nameof(SiloOptions.QueueCapacity), parse.GetValue(queueCapacity));
            Set(overrides, nameof(SiloOptions.Http), parse.GetValue(http));
            Set(overrides, nameof(SiloOptions.ClusterId), parse.GetValue(clusterId));
            Set(overrides, nameof(SiloOptions.SiloId), parse.GetValue(siloId));
            Set(overrides, nameof(SiloOptions.Prefetch), parse.GetValue(prefetch));
            Set(overrides, nameof(SiloOptions.MaxQueueLength), parse.GetValue(maxQueue));
            Set(overrides, nameof(SiloOptions.DeliveryLimit), parse.GetValue(deliveryLimit));
            foreach (var value in parse.GetValue(models) ?? [])
            {
                var binding = ModelBinding.Parse(value);
                overrides[$"{SiloOptions.Section}:{nameof(SiloOptions.Models)}:{binding.Name}"] = binding.Path;
            }

            var configuration = Configuration(parse.GetValue(config), overrides);
            using var host = Build(configuration);
            try
            {
                await host.RunAsync(cancellationToken);
            }
            catch (OptionsValidationException e)
            {
                throw new CliException("invalid silo settings: " + string.Join("; ", e.Failures));
            }

            return 0;
        });

        return command;
    }

    private static IHost Build(IConfiguration configuration)
    {
        try
        {
            return SiloHost.Build(configuration);
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    private static IConfiguration Configuration(string? file, Dictionary<string, string?> overrides)
    {
        var builder = new ConfigurationBuilder();
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new CliException($"--config file not found: {file}");
            }

            builder.AddJsonFile(Path.GetFullPath(file), optional: false);
        }

        builder.AddEnvironmentVariables(SiloHost.EnvironmentPrefix);
        builder.AddInMemoryCollection(overrides);
        try
        {
            return builder.Build();
        }
        catch (InvalidDataException e)
        {
            throw new CliException($"--config {file}: {e.Message}", e);
        }
    }

    private static void Set<T>(Dictionary<string, string?> overrides, string key, T? value)
    {
        if (value is not null)
        {
            overrides[$"{SiloOptions.Section}:{key}"] = Convert.ToString(value, CultureInfo.InvariantCulture);
        }
    }
}
