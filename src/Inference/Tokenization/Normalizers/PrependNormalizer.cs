using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.Normalizers;

/// <summary><c>Prepend</c>: puts a fixed string in front of non-empty text.</summary>
internal sealed class PrependNormalizer(string prefix) : INormalizer
{
    public void Normalize(NormalizedString text)
    {
        if (!text.IsEmpty)
        {
            text.Prepend(prefix);
        }
    }
}
