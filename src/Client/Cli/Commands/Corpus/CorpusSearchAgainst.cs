using Similarity.Grains.Contracts.Corpora.Operations;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>
/// The lines of <c>corpus search NAME --against OTHER</c>: each row i of NAME is query i, its hits OTHER's rows with their
/// texts, written a block of rows at a time as the silos answer (the output is opened with the first block: an error
/// before it leaves no file).
/// </summary>
internal static class CorpusSearchAgainst
{
    public static async Task WriteAsync(
        CorpusSession session, string name, string other, int topK, ScoreFunction function, bool allowModelMismatch, string? output, CancellationToken cancellationToken)
    {
        JsonLinesOutput? lines = null;
        try
        {
            await CorpusArguments.ExplainAsync(session, async () =>
            {
                await session.Client.CorpusOperations.SearchAgainstAsync(
                    name,
                    other,
                    async (first, block, token) =>
                    {
                        var texts = await CorpusRowTexts.ReadAsync(session, other, block.SelectMany(h => h.Select(hit => hit.Row)), token);
                        lines ??= new JsonLinesOutput(output);
                        for (var i = 0; i < block.Length; i++)
                        {
                            lines.WriteHits(checked((int)(first + i)), block[i].Select(h => (h.Row, h.Score)), row => texts[row]);
                        }
                    },
                    topK,
                    function,
                    allowModelMismatch,
                    cancellationToken);
                return true;
            });
            lines ??= new JsonLinesOutput(output);
        }
        finally
        {
            lines?.Dispose();
        }
    }
}
