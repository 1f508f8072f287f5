using System.CommandLine;
using Similarity.Grains.Contracts;
using Similarity.Inference.Batching;
using Similarity.Inference.OnnxRuntime;

namespace Similarity.Cli.Commands.Models;

/// <summary>
/// The options every model-running command shares: <c>--model</c> (a folder, or with <c>--cluster</c> the name of a
/// model the silos serve), where it runs (<c>--cluster</c>, <c>--cluster-id</c>, <c>--device</c>) and how an
/// in-process model cuts its batches.
/// </summary>
internal sealed class ModelArguments
{
    public Option<string> Model { get; } = new("--model")
    {
        Description = "Model folder: a sentence-transformers bi-encoder (modules.json) or a cross-encoder (config.json with labels), "
            + "or the name of a model in the model cache (simctl model list). With --cluster: the NAME of a model the cluster's silos serve.",
        Required = true,
    };

    public Option<string?> Cluster { get; } = ClusterOptions.Connection("Run through the cluster whose silos are listed in this PostgreSQL database instead of in this process");

    public Option<string> ClusterId { get; } = ClusterOptions.Id();

    public Option<string> Device { get; } = new("--device")
    {
        Description = "cpu or gpu: with --cluster, which silos serve the calls; in process, gpu runs the model on ONNX Runtime's CUDA provider.",
        DefaultValueFactory = _ => "cpu",
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "With --cluster: seconds each request may wait for its reply, queueing behind other work included.",
        DefaultValueFactory = _ => 600,
    };

    public Option<int> BatchTokens { get; } = new("--batch-tokens")
    {
        Description = "Padded tokens per batch (batch size x longest sequence). In process only.",
        DefaultValueFactory = _ => new BatchingOptions().BatchTokens,
    };

    public Option<int> MaxBatch { get; } = new("--max-batch")
    {
        Description = "Most texts in one batch. In process only.",
        DefaultValueFactory = _ => new BatchingOptions().MaxBatchSize,
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = $"ONNX Runtime threads per operator ({CoreShare.DefaultDescription}). In process only.",
        DefaultValueFactory = _ => 0,
    };

    /// <summary>
    /// In process nothing remote can fail to answer, so a request only needs a deadline against a hang; a request queues
    /// behind up to two chunks of work, which takes minutes for a large model on a few cores.
    /// </summary>
    private static readonly TimeSpan EmbeddedReplyTimeout = TimeSpan.FromDays(1);

    private bool _batching;

    /// <summary>Adds the model option, the batching options when <paramref name="batching"/>, the placement options when <paramref name="cluster"/>.</summary>
    public void AddTo(Command command, bool batching = true, bool cluster = true)
    {
        _batching = batching;
        command.Options.Add(Model);
        if (cluster)
        {
            command.Options.Add(Cluster);
            command.Options.Add(ClusterId);
            command.Options.Add(Device);
            command.Options.Add(Timeout);
        }

        if (batching)
        {
            command.Options.Add(BatchTokens);
            command.Options.Add(MaxBatch);
            command.Options.Add(Threads);
        }
    }

    /// <summary>The batching options the user asked for; a non-positive size is a <see cref="CliException"/> naming the option.</summary>
    public BatchingOptions Options(ParseResult parse)
    {
        if (!_batching)
        {
            return new BatchingOptions();
        }

        var batchTokens = parse.GetValue(BatchTokens);
        var maxBatch = parse.GetValue(MaxBatch);
        var threads = parse.GetValue(Threads);
        Require(batchTokens >= 1, $"--batch-tokens must be at least 1, not {batchTokens}");
        Require(maxBatch >= 1, $"--max-batch must be at least 1, not {maxBatch}");
        Require(threads >= 0, $"--threads must be 0 (a share of the {CoreShare.AvailableCores} cores this process may use) or more, not {threads}");
        return new BatchingOptions { BatchTokens = batchTokens, MaxBatchSize = maxBatch, IntraOpThreads = threads };
    }

    /// <summary>Which model to run and where, checked: a <see cref="CliException"/> names the option at fault.</summary>
    public ModelRequest Request(ParseResult parse)
    {
        var model = parse.GetRequiredValue(Model);
        DeviceClass device;
        try
        {
            device = DeviceClassNames.Parse(parse.GetValue(Device) ?? "cpu");
        }
        catch (ArgumentException)
        {
            throw new CliException($"--device must be cpu or gpu, not '{parse.GetValue(Device)}'");
        }

        if (parse.GetValue(Cluster) is not { } cluster)
        {
            Require(!IsGiven(parse, ClusterId), "--cluster-id needs --cluster");
            Require(!IsGiven(parse, Timeout), "--timeout needs --cluster: a model run in this process has no remote reply to wait for");
            return new ModelRequest(model, null, ClusterIdentity.DefaultClusterId, device, Options(parse), EmbeddedReplyTimeout);
        }

        ClusterOptions.Check(cluster);

        foreach (var option in (Option[])[BatchTokens, MaxBatch, Threads])
        {
            Require(!IsGiven(parse, option), $"{option.Name} applies to a model run in this process; with --cluster the silos' own settings apply");
        }

        Require(ModelNames.IsValid(model), $"--model '{model}' is not a model name: with --cluster it names a model the silos serve (--model NAME=DIR of simctl silo)");
        var clusterId = ClusterOptions.CheckedId(parse, ClusterId);
        var timeout = parse.GetValue(Timeout);
        Require(double.IsFinite(timeout) && timeout > 0, $"--timeout must be a positive number of seconds, not {timeout}");
        return new ModelRequest(model, cluster, clusterId, device, new BatchingOptions(), TimeSpan.FromSeconds(timeout));
    }

    private static bool IsGiven(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static void Require(bool ok, string message)
    {
        if (!ok)
        {
            throw new CliException(message);
        }
    }
}
