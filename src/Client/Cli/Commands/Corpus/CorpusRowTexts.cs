namespace Similarity.Cli.Commands.Corpus;

/// <summary>The stored texts of the rows an operation's output names, read from the corpus in chunks (rows added as embeddings have none).</summary>
internal static class CorpusRowTexts
{
    /// <summary>Rows asked for per call: a few MB of texts.</summary>
    private const int ChunkRows = 10_000;

    public static async Task<Dictionary<long, string?>> ReadAsync(CorpusSession session, string corpus, IEnumerable<long> rows, CancellationToken cancellationToken)
    {
        var wanted = rows.Distinct().Order().ToArray();
        var texts = new Dictionary<long, string?>(wanted.Length);
        foreach (var chunk in wanted.Chunk(ChunkRows))
        {
            var found = await session.Corpora.GetTextsAsync(corpus, chunk, cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                texts[chunk[i]] = found[i];
            }
        }

        return texts;
    }
}
