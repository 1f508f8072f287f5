using Similarity.Inference.Batching;

namespace Similarity.Inference.Tests.Models.EndToEnd;

/// <summary>Named batching set-ups that cut the same inputs into very different batches.</summary>
internal static class BatchingConfigurations
{
    public static TheoryData<string> Names => ["one-token budget", "size cap 1", "tiny budget", "large budget", "two workers"];

    public static BatchingOptions Get(string name) => name switch
    {
        // Every sequence exceeds a 1-token budget, so each runs alone.
        "one-token budget" => new BatchingOptions { BatchTokens = 1 },
        "size cap 1" => new BatchingOptions { MaxBatchSize = 1 },
        "tiny budget" => new BatchingOptions { BatchTokens = 48, MaxBatchSize = 3 },
        "large budget" => new BatchingOptions { BatchTokens = 1 << 20, MaxBatchSize = 1024 },
        "two workers" => new BatchingOptions { BatchTokens = 128, MaxBatchSize = 4, Workers = 2 },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
