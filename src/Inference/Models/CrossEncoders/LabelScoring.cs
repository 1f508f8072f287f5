using System.Numerics.Tensors;
using Similarity.Inference.Models.Dense;

namespace Similarity.Inference.Models.CrossEncoders;

/// <summary>
/// How a cross-encoder's logits become scores: softmax across labels when there are two or more, sigmoid for a single
/// label. A non-Identity <c>sentence_transformers.activation_fn</c> in config.json is respected instead (applied per value).
/// </summary>
public sealed record LabelScoring(bool Softmax, Activation Activation)
{
    public static LabelScoring Resolve(int labelCount, Activation? configured)
    {
        if (configured is { } activation && activation != Activation.Identity)
        {
            return new LabelScoring(Softmax: false, activation);
        }

        return labelCount >= 2 ? new LabelScoring(Softmax: true, Activation.Identity) : new LabelScoring(Softmax: false, Activation.Sigmoid);
    }

    /// <summary>Turns [rows × labels] logits into scores in place.</summary>
    public void Apply(Span<float> logits, int rows, int labelCount)
    {
        if (!Softmax)
        {
            ActivationFunction.Apply(Activation, logits[..(rows * labelCount)]);
            return;
        }

        for (var row = 0; row < rows; row++)
        {
            var values = logits.Slice(row * labelCount, labelCount);
            TensorPrimitives.SoftMax(values, values);
        }
    }

    public override string ToString() => Softmax ? "softmax" : Activation.ToString().ToLowerInvariant();
}
