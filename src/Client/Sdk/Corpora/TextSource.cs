using Similarity.Grains.Contracts.Corpora.Ingest;

namespace Similarity.Client.Corpora;

/// <summary>Texts in memory as an add's input.</summary>
public sealed class TextSource : ICorpusSource
{
    private readonly IReadOnlyList<string> _texts;

    public TextSource(IReadOnlyList<string> texts, int batchSize = CorpusSources.DefaultBatchSize, string name = "texts")
    {
        ArgumentNullException.ThrowIfNull(texts);
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is null)
            {
                throw new ArgumentException($"{name}: text {i} is null", nameof(texts));
            }
        }

        _texts = texts;
        BatchSize = CorpusSources.CheckBatchSize(batchSize);
        Name = name;
    }

    public string Name { get; }

    public IngestContent Content => IngestContent.Texts;

    public long Rows => _texts.Count;

    public int BatchSize { get; }

    public int? Dimension => null;

    public ValueTask<SourceBatch> ReadBatchAsync(int batch, CancellationToken cancellationToken)
    {
        var start = batch * BatchSize;
        var texts = new string[this.CountOf(batch)];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = _texts[start + i];
        }

        return ValueTask.FromResult(new SourceBatch(texts, null));
    }
}
