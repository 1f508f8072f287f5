using System.Runtime.CompilerServices;
using Similarity.Inference.Models.Folders;
using Microsoft.ML.OnnxRuntime.Tensors;
using Similarity.Inference.OnnxRuntime;

namespace Similarity.Inference.Models.Transformer;

/// <summary>Which <see cref="TokenBatch"/> buffer feeds each input a graph declares: a model is fed only what it asks for.</summary>
internal sealed class TokenInputBinding
{
    private readonly TokenInput[] _inputs;

    private TokenInputBinding(TokenInput[] inputs) => _inputs = inputs;

    public IReadOnlyList<TokenInput> Inputs => _inputs;

    public static TokenInputBinding For(OnnxSession session)
    {
        if (session.Inputs.Count > TensorSlots.Length)
        {
            throw Unsupported(session, $"it declares {session.Inputs.Count} inputs ({string.Join(", ", session.Inputs)})");
        }

        var inputs = new TokenInput[session.Inputs.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var declared = session.Inputs[i];
            inputs[i] = declared.Name switch
            {
                "input_ids" => TokenInput.InputIds,
                "attention_mask" => TokenInput.AttentionMask,
                "token_type_ids" => TokenInput.TokenTypeIds,
                "position_ids" => TokenInput.PositionIds,
                _ => throw Unsupported(session, $"it declares input {declared}, which is none of input_ids, attention_mask, token_type_ids, position_ids"),
            };
            if (declared.ElementType != TensorElementType.Int64 || declared.Rank != 2)
            {
                throw Unsupported(session, $"input {declared} is not an Int64 [batch, sequence] tensor");
            }
        }

        if (Array.IndexOf(inputs, TokenInput.InputIds) < 0)
        {
            throw Unsupported(session, "it has no input_ids input");
        }

        return new TokenInputBinding(inputs);
    }

    public void Run(OnnxSession session, TokenBatch batch, OnnxOutputs outputs)
    {
        var slots = default(TensorSlots);
        Span<OnnxTensor> tensors = slots;
        for (var i = 0; i < _inputs.Length; i++)
        {
            tensors[i] = batch.Tensor(_inputs[i]);
        }

        session.Run(tensors[.._inputs.Length], outputs);
    }

    private static ModelConfigException Unsupported(OnnxSession session, string problem) =>
        new(session.ModelPath, $"'{session.ModelPath}' cannot be fed token batches: {problem}.");

    [InlineArray(Length)]
    private struct TensorSlots
    {
        public const int Length = 4;

        private OnnxTensor _element;
    }
}
