using Similarity.Cli.Commands.Models;
using Similarity.Cli.Commands.Streaming;
using Similarity.Cli.IO;
using Similarity.Grains.Encoders;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>Writes a corpus's rows, in the order they were added, as a float32 [rows, dimension] .npy (float16 corpora widened).</summary>
internal static class CorpusExportFile
{
    public static async Task<long> WriteAsync(CorpusSession session, string corpus, string? output, CancellationToken cancellationToken)
    {
        var info = await session.Corpora.GetInfoAsync(corpus, cancellationToken);
        await using var writer = new NpyRowWriter(CommandOutput.OpenStream(output), info.Dimension ?? 0);
        var rows = await session.Corpora.ExportAsync(corpus, (run, token) => writer.WriteAsync(run.ToEmbeddingMatrix(), token), cancellationToken);
        await writer.CompleteAsync(cancellationToken);
        return rows;
    }
}
