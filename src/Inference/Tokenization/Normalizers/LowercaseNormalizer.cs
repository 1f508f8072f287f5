using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.Normalizers;

/// <summary><c>Lowercase</c>: Rust's per-character lower-casing (U+0130 becomes two characters).</summary>
internal sealed class LowercaseNormalizer : INormalizer
{
    public void Normalize(NormalizedString text) => text.Lowercase();
}
