using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.Normalizers;

/// <summary><c>Strip</c>: removes leading and/or trailing white space.</summary>
internal sealed class StripNormalizer(bool left, bool right) : INormalizer
{
    public void Normalize(NormalizedString text) => text.Strip(left, right);
}
