using System.Buffers;
using System.Data;
using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Corpora.Rows;
using Similarity.Grains.Corpora.Storage;

namespace Similarity.Silo.Corpora;

/// <summary>
/// The block store of a cluster: table <c>corpus_block</c> of the cluster's PostgreSQL (migration 0006), one row per
/// block with its embeddings as one bytea (little-endian float32 or float16, written in one statement, read straight into
/// the block's array) and its texts as a text[]. A block written twice is stored once (<c>ON CONFLICT DO NOTHING</c>).
/// </summary>
public sealed class PostgresCorpusBlockStore : ICorpusBlockStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _database;

    public PostgresCorpusBlockStore(string connectionString)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("corpus blocks are stored little-endian; this machine is big-endian");
        }

        _database = NpgsqlDataSource.Create(connectionString);
    }

    public async Task<bool> AppendAsync(string corpus, int shard, StoredBlock block, CancellationToken cancellationToken)
    {
        var rows = block.Rows;
        var bytes = rows.Bytes;
        var buffer = ArrayPool<byte>.Shared.Rent(bytes.Length);
        try
        {
            bytes.CopyTo(buffer);
            await using var command = _database.CreateCommand("""
                INSERT INTO corpus_block (corpus, first_row, shard, row_count, dimension, precision, ingest, sequence, embeddings, texts)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (corpus, first_row) DO NOTHING
                """);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = corpus });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = rows.FirstRow });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = shard });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = rows.Count });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = rows.Dimension });
            command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)rows.Precision.BytesPerValue() });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = rows.Ingest });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = rows.Sequence });
            command.Parameters.Add(new NpgsqlParameter<ArraySegment<byte>> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = new ArraySegment<byte>(buffer, 0, bytes.Length) });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = (object?)block.Texts ?? DBNull.Value });
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task<IReadOnlyList<RowBlock>> ReadShardAsync(string corpus, int shard, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand("""
            SELECT first_row, ingest, sequence, dimension, precision, row_count, embeddings
            FROM corpus_block WHERE corpus = $1 AND shard = $2 ORDER BY first_row
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = corpus });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = shard });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        var blocks = new List<RowBlock>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var firstRow = reader.GetInt64(0);
            var ingest = reader.GetGuid(1);
            var sequence = reader.GetInt64(2);
            var dimension = reader.GetInt32(3);
            var precision = reader.GetInt16(4) == 2 ? StoragePrecision.Float16 : StoragePrecision.Float32;
            var values = reader.GetInt32(5) * dimension;
            await using var embeddings = await reader.GetStreamAsync(6, cancellationToken);
            if (precision == StoragePrecision.Float16)
            {
                var half = new Half[values];
                await ReadExactlyAsync(embeddings, half, cancellationToken);
                blocks.Add(new RowBlock(firstRow, ingest, sequence, dimension, half));
            }
            else
            {
                var single = new float[values];
                await ReadExactlyAsync(embeddings, single, cancellationToken);
                blocks.Add(new RowBlock(firstRow, ingest, sequence, dimension, single));
            }
        }

        return blocks;
    }

    public async Task<string?[]> ReadTextsAsync(string corpus, IReadOnlyList<long> rows, CancellationToken cancellationToken)
    {
        var texts = new string?[rows.Count];
        if (rows.Count == 0)
        {
            return texts;
        }

        // Each row's block is the last one starting at or before it; only the wanted elements of its text[] come back.
        await using var command = _database.CreateCommand("""
            SELECT q.ord, b.texts[q.id - b.first_row + 1]
            FROM unnest($2::bigint[]) WITH ORDINALITY AS q(id, ord)
            CROSS JOIN LATERAL (
                SELECT first_row, row_count, texts FROM corpus_block
                WHERE corpus = $1 AND first_row <= q.id ORDER BY first_row DESC LIMIT 1) b
            WHERE q.id < b.first_row + b.row_count
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = corpus });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. rows] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            texts[reader.GetInt64(0) - 1] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return texts;
    }

    public async Task DiscardIngestAsync(string corpus, int shard, Guid ingest, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand("DELETE FROM corpus_block WHERE corpus = $1 AND shard = $2 AND ingest = $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = corpus });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = shard });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = ingest });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteShardAsync(string corpus, int shard, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand("DELETE FROM corpus_block WHERE corpus = $1 AND shard = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = corpus });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = shard });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static async Task ReadExactlyAsync<T>(Stream stream, T[] values, CancellationToken cancellationToken)
        where T : unmanaged
    {
        // Straight into the block's array: no byte[] copy of a block that may be megabytes.
        using var bytes = new ByteView<T>(values);
        await stream.ReadExactlyAsync(bytes.Memory, cancellationToken);
    }

    /// <summary>An array of unmanaged values seen as bytes, for stream reads into it.</summary>
    private sealed class ByteView<T>(T[] values) : MemoryManager<byte>
        where T : unmanaged
    {
        private GCHandle _pin;

        public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(values.AsSpan());

        public override unsafe MemoryHandle Pin(int elementIndex = 0)
        {
            if (!_pin.IsAllocated)
            {
                _pin = GCHandle.Alloc(values, GCHandleType.Pinned);
            }

            return new MemoryHandle((byte*)_pin.AddrOfPinnedObject() + elementIndex);
        }

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (_pin.IsAllocated)
            {
                _pin.Free();
            }
        }
    }
}
