using System.Text;
using Similarity.Cli.IO;
using Similarity.Client.Corpora;
using Similarity.Grains.Contracts.Corpora.Ingest;
using Similarity.Grains.Datasets;

namespace Similarity.Cli.Commands.Corpus.Sources;

/// <summary>
/// A UTF-8 text file as an add's input, one text per line (every line is a text, an empty one included; a final newline
/// adds none). Read once up front to count the texts and reject invalid UTF-8 naming the line, before anything is
/// published; then read again batch after batch (a batch asked for out of order, to re-publish it, is found by reading
/// from the start).
/// </summary>
internal sealed class TextFileSource : ICorpusSource, IDisposable
{
    private readonly string _path;
    private Utf8LineReader? _reader;
    private int _nextBatch;

    public TextFileSource(string path, int batchSize)
    {
        _path = path;
        Name = CommandInput.DisplayName(path);
        Cuts = new BatchCuts(batchSize);
        using var reader = Open();
        while (CommandInput.TryReadLine(reader, out var text))
        {
            var bytes = Encoding.UTF8.GetByteCount(text);
            if (bytes > BatchCuts.MaxBatchBytes)
            {
                throw new CliException($"line {reader.LineNumber} of {Name} is {bytes} bytes; texts of more than {BatchCuts.MaxBatchBytes} bytes are not taken");
            }

            Cuts.Add(bytes);
        }

        if (Cuts.Rows == 0)
        {
            throw new CliException($"{Name} has no texts");
        }
    }

    public string Name { get; }

    public IngestContent Content => IngestContent.Texts;

    public int? Dimension => null;

    public BatchCuts Cuts { get; }

    public ValueTask<SourceBatch> ReadBatchAsync(int batch, CancellationToken cancellationToken)
    {
        if (_reader is null || batch < _nextBatch)
        {
            _reader?.Dispose();
            _reader = Open();
            _nextBatch = 0;
        }

        for (; _nextBatch < batch; _nextBatch++)
        {
            Read(Cuts.CountOf(_nextBatch));
        }

        var texts = Read(Cuts.CountOf(batch));
        _nextBatch++;
        return ValueTask.FromResult(new SourceBatch(texts, null));
    }

    public void Dispose() => _reader?.Dispose();

    private string[] Read(int count)
    {
        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            if (!CommandInput.TryReadLine(_reader!, out texts[i]))
            {
                throw new CliException($"{Name} changed while it was being added: it has fewer than the {Cuts.Rows} lines counted first");
            }
        }

        return texts;
    }

    private Utf8LineReader Open() => new(CommandInput.OpenStream(_path), Name);
}
