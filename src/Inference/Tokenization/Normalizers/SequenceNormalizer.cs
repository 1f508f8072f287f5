using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.Normalizers;

/// <summary><c>Sequence</c>: applies its normalizers in order.</summary>
internal sealed class SequenceNormalizer(INormalizer[] normalizers) : INormalizer
{
    public void Normalize(NormalizedString text)
    {
        foreach (var normalizer in normalizers)
        {
            normalizer.Normalize(text);
        }
    }
}
