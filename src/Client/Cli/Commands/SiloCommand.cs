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
/// <c>simctl silo</c>: runs an Orleans silo until stopped (Ctrl+C or SIGTERM: it finishes in-flight requests and leaves the cluster). Settings come from a JSON
/// file (<c>--config</c>, section <c>Silo</c>), then <c>SIMILARITY_SILO__*</c> environment variables, then the options.
/// </summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var cluster = ClusterOptions.Connection("The cluster to join (membership, grain state, reminders; its schema is created or upgraded at start); none: a single silo with in-memory state");
        var clusterId = new Option<string>("--cluster-id") { Description = "Cluster to join (default: default)" };
        var models = new Option<string[]>("--model") { Description = "A model to serve, NAME=DIR where DIR is a model folder or a cached model name (repeatable)", AllowMultipleArgumentsPerToken = false };
        var device = new Option<string>("--device") { Description = "Device class of this silo: cpu or gpu (it serves requests for that class only)" };
        var http = new Option<string>("--http") { Description = "Serve /v1/embeddings, /healthz, /readyz, /metrics and /dashboard on HOST:PORT" };
        var siloPort = new Option<int?>("--silo-port") { Description = "Port for silo-to-silo traffic (default 11111; 0: any free port)" };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "Port clients connect to (default 30000; 0: any free port)" };
        var advertise = new Option<string>("--advertise") { Description = "IP address other silos and clients reach this silo at (default: POD_IP, else this host's first IPv4)" };
        var siloName = new Option<string>("--silo-name") { Description = "This silo's name in membership (default: POD_NAME, else host-pid)" };
        var primarySilo = new Option<string>("--primary-silo") { Description = "Without --cluster: IP:PORT of the first silo, so silos of one machine form a development cluster" };
        var batchTokens = new Option<int?>("--batch-tokens") { Description = "Token budget of one inference batch" };
        var maxWait = new Option<int?>("--max-wait-ms") { Description = "How long the batcher waits to fill a batch" };
        var maxBatch = new Option<int?>("--max-batch") { Description = "Most texts (or pairs) in one inference batch" };
        var threads = new Option<int?>("--threads") { Description = $"ONNX Runtime threads per operator for each model ({CoreShare.DefaultDescription})" };
        var workers = new Option<int?>("--inference-workers") { Description = "Inference threads per model, each running one batch at a time" };
        var queueCapacity = new Option<int?>("--queue-capacity") { Description = "Texts a model's batcher holds before callers are told it is overloaded (HTTP 429)" };
        var drain = new Option<int?>("--drain-seconds") { Description = "On shutdown, how long in-flight requests may finish (default 20)" };
        var config = new Option<string>("--config") { Description = "JSON settings file (section \"Silo\")" };
        var command = new Command("silo", "Run an Orleans silo: serve models to the cluster's callers, optionally HTTP.")
        {
            cluster, clusterId, models, device, http, siloPort, gatewayPort, advertise, siloName, primarySilo, batchTokens, maxWait, maxBatch, threads, workers,
            queueCapacity, drain, config,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            Set(overrides, nameof(SiloOptions.Cluster), parse.GetValue(cluster));
            Set(overrides, nameof(SiloOptions.ClusterId), parse.GetValue(clusterId));
            Set(overrides, nameof(SiloOptions.Device), parse.GetValue(device));
            Set(overrides, nameof(SiloOptions.SiloPort), parse.GetValue(siloPort));
            Set(overrides, nameof(SiloOptions.GatewayPort), parse.GetValue(gatewayPort));
            Set(overrides, nameof(SiloOptions.AdvertisedAddress), parse.GetValue(advertise));
            Set(overrides, nameof(SiloOptions.SiloName), parse.GetValue(siloName));
            Set(overrides, nameof(SiloOptions.PrimarySilo), parse.GetValue(primarySilo));
            Set(overrides, nameof(SiloOptions.DrainSeconds), parse.GetValue(drain));
            Set(overrides, nameof(SiloOptions.BatchTokens), parse.GetValue(batchTokens));
            Set(overrides, nameof(SiloOptions.MaxWaitMs), parse.GetValue(maxWait));
            Set(overrides, nameof(SiloOptions.MaxBatch), parse.GetValue(maxBatch));
            Set(overrides, nameof(SiloOptions.Threads), parse.GetValue(threads));
            Set(overrides, nameof(SiloOptions.InferenceWorkers), parse.GetValue(workers));
            Set(overrides, nameof(SiloOptions.QueueCapacity), parse.GetValue(queueCapacity));
            Set(overrides, nameof(SiloOptions.Http), parse.GetValue(http));
            foreach (var value in parse.GetValue(models) ?? [])
            {
                var binding = ModelBinding.Parse(value);
                overrides[$"{SiloOptions.Section}:{nameof(SiloOptions.Models)}:{binding.Name}"] = binding.Path;
            }

            var configuration = Configuration(parse.GetValue(config), overrides);
            using var host = Build(configuration);
            await host.RunAsync(cancellationToken);
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
        catch (OptionsValidationException e)
        {
            throw new CliException("invalid silo settings: " + string.Join("; ", e.Failures));
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
