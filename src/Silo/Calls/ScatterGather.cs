using Similarity.Inference.Tensors;

namespace Similarity.Silo.Calls;

/// <summary>Sends a call's chunks concurrently (bounded) and gathers their results in chunk order.</summary>
internal static class ScatterGather
{
    public static async Task<EmbeddingMatrix> RunAsync(
        List<RequestChunk> chunks, int totalRows, string model, int maxConcurrency,
        Func<RequestChunk, CancellationToken, Task<EmbeddingMatrix>> send, CancellationToken cancellationToken)
    {
        if (chunks.Count == 1)
        {
            return await send(chunks[0], cancellationToken).ConfigureAwait(false);
        }

        var parts = new EmbeddingMatrix[chunks.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(
            Enumerable.Range(0, chunks.Count),
            parallel,
            async (index, token) => parts[index] = await send(chunks[index], token).ConfigureAwait(false)).ConfigureAwait(false);
        return MatrixAssembly.Concatenate(parts, totalRows, model);
    }
}
