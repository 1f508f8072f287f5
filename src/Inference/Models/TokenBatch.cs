using Similarity.Inference.OnnxRuntime;

namespace Similarity.Inference.Models;

/// <summary>
/// Tokenised, right-padded input for one model run: int64 [size × sequence length] buffers for input ids, attention mask,
/// token type ids (and position ids on demand). The buffers are pinned and reused across batches: ORT reads them in place.
/// One batch is used by one thread at a time.
/// </summary>
public sealed class TokenBatch
{
    private PinnedBuffer<long> _inputIds;
    private PinnedBuffer<long> _attentionMask;
    private PinnedBuffer<long> _tokenTypeIds;
    private PinnedBuffer<long>? _positionIds;
    private bool _positionsFilled;

    /// <summary>Creates a batch whose buffers start with room for <paramref name="tokenCapacity"/> tokens (they grow as needed).</summary>
    public TokenBatch(int tokenCapacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokenCapacity);
        _inputIds = new PinnedBuffer<long>(tokenCapacity);
        _attentionMask = new PinnedBuffer<long>(tokenCapacity);
        _tokenTypeIds = new PinnedBuffer<long>(tokenCapacity);
    }

    /// <summary>Number of sequences (rows).</summary>
    public int Size { get; private set; }

    /// <summary>Padded length of every row.</summary>
    public int SequenceLength { get; private set; }

    /// <summary>Tokens at the start of each row that belong to a prompt (pooling may exclude them, see include_prompt).</summary>
    public int PromptLength { get; set; }

    /// <summary>How many tokens the buffers hold without growing.</summary>
    public int Capacity => _inputIds.Length;

    public Span<long> InputIds => _inputIds.Span[..TokenCount];

    public Span<long> AttentionMask => _attentionMask.Span[..TokenCount];

    public Span<long> TokenTypeIds => _tokenTypeIds.Span[..TokenCount];

    private int TokenCount => Size * SequenceLength;

    /// <summary>Empties the batch and shapes it as <paramref name="size"/> rows of <paramref name="sequenceLength"/> pad tokens (mask 0, type 0).</summary>
    public void Reset(int size, int sequenceLength, long padTokenId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfNegative(sequenceLength);
        var tokens = checked(size * sequenceLength);
        if (tokens > Capacity)
        {
            var capacity = (int)Math.Min(Array.MaxLength, Math.Max(tokens, (long)Capacity * 2));
            _inputIds = new PinnedBuffer<long>(capacity);
            _attentionMask = new PinnedBuffer<long>(capacity);
            _tokenTypeIds = new PinnedBuffer<long>(capacity);
            _positionIds = null;
        }

        Size = size;
        SequenceLength = sequenceLength;
        PromptLength = 0;
        _positionsFilled = false;
        InputIds.Fill(padTokenId);
        AttentionMask.Clear();
        TokenTypeIds.Clear();
    }

    /// <summary>Writes one tokenised sequence into row <paramref name="row"/> (mask 1 over its tokens, padding after).</summary>
    public void SetRow(int row, ReadOnlySpan<int> ids, ReadOnlySpan<int> typeIds)
    {
        var offset = RowOffset(row, ids.Length);
        if (typeIds.Length != ids.Length && typeIds.Length != 0)
        {
            throw new ArgumentException($"Row {row} has {ids.Length} ids but {typeIds.Length} type ids.", nameof(typeIds));
        }

        for (var i = 0; i < ids.Length; i++)
        {
            _inputIds.Span[offset + i] = ids[i];
            _attentionMask.Span[offset + i] = 1;
            _tokenTypeIds.Span[offset + i] = typeIds.Length == 0 ? 0 : typeIds[i];
        }
    }

    /// <summary>Copies an already padded row (ids, mask and type ids exactly as a model should see them).</summary>
    public void SetPaddedRow(int row, ReadOnlySpan<long> ids, ReadOnlySpan<long> attentionMask, ReadOnlySpan<long> typeIds)
    {
        var offset = RowOffset(row, ids.Length);
        if (ids.Length != SequenceLength || attentionMask.Length != SequenceLength || typeIds.Length != SequenceLength)
        {
            throw new ArgumentException($"A padded row must have {SequenceLength} ids, mask values and type ids.");
        }

        ids.CopyTo(_inputIds.Span.Slice(offset, SequenceLength));
        attentionMask.CopyTo(_attentionMask.Span.Slice(offset, SequenceLength));
        typeIds.CopyTo(_tokenTypeIds.Span.Slice(offset, SequenceLength));
    }

    /// <summary>The tensor to feed for <paramref name="input"/>, shaped [Size, SequenceLength], over this batch's buffers.</summary>
    public OnnxTensor Tensor(TokenInput input)
    {
        var shape = new TensorShape(Size, SequenceLength);
        return input switch
        {
            TokenInput.InputIds => OnnxTensor.Create(_inputIds, shape),
            TokenInput.AttentionMask => OnnxTensor.Create(_attentionMask, shape),
            TokenInput.TokenTypeIds => OnnxTensor.Create(_tokenTypeIds, shape),
            TokenInput.PositionIds => OnnxTensor.Create(PositionIds(), shape),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, null),
        };
    }

    private PinnedBuffer<long> PositionIds()
    {
        _positionIds ??= new PinnedBuffer<long>(Capacity);
        if (!_positionsFilled)
        {
            var positions = _positionIds.Span;
            for (var row = 0; row < Size; row++)
            {
                for (var i = 0; i < SequenceLength; i++)
                {
                    positions[(row * SequenceLength) + i] = i;
                }
            }

            _positionsFilled = true;
        }

        return _positionIds;
    }

    private int RowOffset(int row, int length)
    {
        if ((uint)row >= (uint)Size)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must be in [0, {Size}).");
        }

        if (length > SequenceLength)
        {
            throw new ArgumentException($"Row {row} has {length} tokens; the batch is padded to {SequenceLength}.");
        }

        return row * SequenceLength;
    }
}
