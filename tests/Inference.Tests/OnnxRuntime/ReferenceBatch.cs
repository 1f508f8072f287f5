using Similarity.Inference.OnnxRuntime;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.OnnxRuntime;

/// <summary>A reference padded batch copied into pinned buffers, ready to feed an <see cref="OnnxSession"/>.</summary>
internal sealed class ReferenceBatch
{
    public ReferenceBatch(ModelReference reference, int rows = -1, int columns = -1)
    {
        Rows = rows < 0 ? reference.BatchSize : rows;
        Columns = columns < 0 ? reference.SequenceLength : columns;
        InputIds = Fill(reference.InputIds);
        AttentionMask = Fill(reference.AttentionMask);
        TokenTypeIds = Fill(reference.TokenTypeIds);
        Names = reference.OnnxInputs;
    }

    public int Rows { get; }

    public int Columns { get; }

    public PinnedBuffer<long> InputIds { get; }

    public PinnedBuffer<long> AttentionMask { get; }

    public PinnedBuffer<long> TokenTypeIds { get; }

    public IReadOnlyList<string> Names { get; }

    public TensorShape Shape => new(Rows, Columns);

    /// <summary>One tensor per input the session declares, by name.</summary>
    public OnnxTensor[] TensorsFor(OnnxSession session) =>
        session.Inputs.Select(input => OnnxTensor.Create(input.Name switch
        {
            "input_ids" => InputIds,
            "attention_mask" => AttentionMask,
            "token_type_ids" => TokenTypeIds,
            _ => throw new InvalidOperationException($"unexpected input {input.Name}"),
        }, Shape)).ToArray();

    private PinnedBuffer<long> Fill(long[][] source)
    {
        var buffer = new PinnedBuffer<long>(Rows * Columns);
        for (var r = 0; r < Rows; r++)
        {
            source[r].AsSpan(0, Columns).CopyTo(buffer.Span.Slice(r * Columns, Columns));
        }

        return buffer;
    }
}
