using System.Globalization;
using Similarity.Cli.Commands.Streaming;
using Similarity.Grains.Contracts.Corpora.Operations;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>A long corpus operation's progress (tiles done of all) on the terminal's progress bar.</summary>
internal sealed class OperationBar(TerminalProgress.IProgressSink sink) : IProgress<OperationProgress>
{
    public void Report(OperationProgress value) =>
        sink.Report(value.TilesDone, value.TilesTotal, string.Create(CultureInfo.InvariantCulture, $"({value.TilesDone}/{value.TilesTotal} tiles)"));
}
