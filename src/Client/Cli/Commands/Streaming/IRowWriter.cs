using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Streaming;

/// <summary>Where a command writes its result rows (embeddings or scores), chunk after chunk, in input order.</summary>
internal interface IRowWriter : IAsyncDisposable
{
    ValueTask WriteAsync(EmbeddingMatrix rows, CancellationToken cancellationToken);

    /// <summary>Finishes the output (e.g. the .npy header's row count) once every row is written.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
