using System.CommandLine;
using Similarity.Inference.Batching;

namespace Similarity.Cli.Commands.Streaming;

/// <summary>The options every command that runs a model folder shares: the folder and how its batcher cuts batches.</summary>
internal sealed class ModelArguments
{
    public Option<string> Model { get; } = new("--model")
    {
        Description = "Model folder: a sentence-transformers bi-encoder (modules.json) or a cross-encoder (config.json with labels).",
        Required = true,
    };

    public Option<int> BatchTokens { get; } = new("--batch-tokens")
    {
        Description = "Padded tokens per batch (batch size x longest sequence).",
        DefaultValueFactory = _ => new BatchingOptions().BatchTokens,
    };

    public Option<int> MaxBatch { get; } = new("--max-batch")
    {
        Description = "Most texts in one batch.",
        DefaultValueFactory = _ => new BatchingOptions().MaxBatchSize,
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "ONNX Runtime threads per operator (0 = one per core).",
        DefaultValueFactory = _ => 0,
    };

    /// <summary>Adds the model option, and the batching options when <paramref name="batching"/>.</summary>
    public void AddTo(Command command, bool batching = true)
    {
        command.Options.Add(Model);
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
        var batchTokens = parse.GetValue(BatchTokens);
        var maxBatch = parse.GetValue(MaxBatch);
        var threads = parse.GetValue(Threads);
        Require(batchTokens >= 1, $"--batch-tokens must be at least 1, not {batchTokens}");
        Require(maxBatch >= 1, $"--max-batch must be at least 1, not {maxBatch}");
        Require(threads >= 0, $"--threads must be 0 (one per core) or more, not {threads}");
        return new BatchingOptions { BatchTokens = batchTokens, MaxBatchSize = maxBatch, IntraOpThreads = threads };
    }

    private static void Require(bool ok, string message)
    {
        if (!ok)
        {
            throw new CliException(message);
        }
    }
}
