using System.Text;
using Similarity.Grains.Contracts.Corpora.Ingest;

namespace Similarity.Client.Corpora;

/// <summary>Texts in memory as an add's input.</summary>
public sealed class TextSource : ICorpusSource
{
    private readonly IReadOnlyList<string> _texts;

    public TextSource(IReadOnlyList<string> texts, int batchSize = CorpusSources.DefaultBatchSize, string name = "texts")
    {
        ArgumentNullException.ThrowIfNull(texts);
        Cuts = new BatchCuts(batchSize);
        for (var i = 0; i < texts.Count; i++)
        {
            var bytes = texts[i] is { } text ? Encoding.UTF8.GetByteCount(text) : throw new ArgumentException($"{name}: text {i} is null", nameof(texts));
            if (bytes > BatchCuts.MaxBatchBytes)
            {
                throw new ArgumentException($"{name}: text {i} is {bytes} bytes; texts of more than {BatchCuts.MaxBatchBytes} bytes are not taken", nameof(texts));
            }

            Cuts.Add(bytes);
        }

        _texts = texts;
        Name = name;
    }

    public string Name { get; }

    public IngestContent Content => IngestContent.Texts;

    public int? Dimension => null;

    public BatchCuts Cuts { get; }

    public ValueTask<SourceBatch> ReadBatchAsync(int batch, CancellationToken cancellationToken)
    {
        var start = (int)Cuts.StartOf(batch);
        var texts = new string[Cuts.CountOf(batch)];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = _texts[start + i];
        }

        return ValueTask.FromResult(new SourceBatch(texts, null));
    }
}
