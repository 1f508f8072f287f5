using System.Globalization;
using Similarity.Cli.Commands.Streaming;
using Similarity.Client.Corpora;
using Similarity.Grains.Contracts.Corpora.Ingest;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>An add as a command runs it: through the session's corpora, with a progress bar of rows stored on a terminal.</summary>
internal static class CorpusAddition
{
    public static async Task<IngestProgress> RunAsync(
        CorpusSession session, string corpus, ICorpusSource source, CorpusAddOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await TerminalProgress.RunAsync($"add {source.Name} to {corpus}", progress =>
            {
                progress.Report(0, source.Cuts.Rows);
                return session.Corpora.AddAsync(corpus, source, options, new Bar(progress), cancellationToken);
            });
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }
    }

    private sealed class Bar(TerminalProgress.IProgressSink sink) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) =>
            sink.Report(value.StoredRows, value.ExpectedRows, string.Create(CultureInfo.InvariantCulture, $"({value.StoredRows}/{value.ExpectedRows} rows)"));
    }
}
