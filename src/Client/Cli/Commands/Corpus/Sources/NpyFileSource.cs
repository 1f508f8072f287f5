using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Similarity.Client.Corpora;
using Similarity.Grains.Contracts.Corpora.Ingest;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Cli.Commands.Corpus.Sources;

/// <summary>
/// A float32 2-D <c>.npy</c> file of embeddings as an add's input, read batch by batch straight from the file (a corpus
/// of millions of rows never sits in this process's memory). Checked in full before anything is published: the header
/// (little-endian float32, C order, two dimensions) and every value (a NaN or infinity is refused, naming its row).
/// </summary>
internal sealed class NpyFileSource : ICorpusSource, IDisposable
{
    private readonly FileStream _file;
    private readonly NpyLayout _layout;

    /// <param name="option">The option that named the file, for messages: <c>--embeddings</c>, or <c>--corpus</c> of <c>simctl search</c>.</param>
    public NpyFileSource(string path, int batchSize, string option = "--embeddings")
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{option} '{path}' is a directory, not a .npy file");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{option}: no such file: {path}");
        }

        Name = path;
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
        try
        {
            _layout = NpyLayout.Read(_file, path);
            if (_layout.Rows == 0 || _layout.Columns == 0)
            {
                throw new CliException($"{path} has no embeddings (shape ({_layout.Rows}, {_layout.Columns}))");
            }

            CheckFinite();
            Cuts = BatchCuts.Fixed(_layout.Rows, batchSize, (long)_layout.Columns * sizeof(float));
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    public string Name { get; }

    public IngestContent Content => IngestContent.Embeddings;

    public int? Dimension => _layout.Columns;

    public BatchCuts Cuts { get; } = null!;

    public ValueTask<SourceBatch> ReadBatchAsync(int batch, CancellationToken cancellationToken)
    {
        var count = Cuts.CountOf(batch);
        var values = new float[count * _layout.Columns];
        _file.Position = _layout.RowOffset(Cuts.StartOf(batch));
        ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return ValueTask.FromResult(new SourceBatch(null, new FloatMatrix(count, _layout.Columns, values)));
    }

    public void Dispose() => _file.Dispose();

    private void CheckFinite()
    {
        var rowsPerRead = Math.Max(1, (1 << 20) / _layout.Columns);
        var values = new float[rowsPerRead * _layout.Columns];
        _file.Position = _layout.RowOffset(0);
        for (long row = 0; row < _layout.Rows; row += rowsPerRead)
        {
            var count = (int)Math.Min(rowsPerRead, _layout.Rows - row);
            var span = values.AsSpan(0, count * _layout.Columns);
            ReadExactly(MemoryMarshal.AsBytes(span));
            if (TensorPrimitives.IsFiniteAll(span))
            {
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                if (!TensorPrimitives.IsFiniteAll(span.Slice(i * _layout.Columns, _layout.Columns)))
                {
                    throw new CliException($"{Name}: row {row + i} has a NaN or infinite value; nothing was added");
                }
            }
        }
    }

    private void ReadExactly(Span<byte> buffer)
    {
        try
        {
            _file.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw new CliException($"{Name} ends before its {_layout.Rows} x {_layout.Columns} values: the file is truncated");
        }
    }
}
