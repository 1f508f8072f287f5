using Similarity.Inference.Tokenization.Text;
using Similarity.Inference.Tokenization.Unicode;

namespace Similarity.Inference.Tokenization.Normalizers;

/// <summary><c>NFC</c>, <c>NFD</c>, <c>NFKC</c> or <c>NFKD</c>.</summary>
internal sealed class UnicodeFormNormalizer(UnicodeNormalizationForm form) : INormalizer
{
    public void Normalize(NormalizedString text) => UnicodeNormalizer.Apply(text, form);
}
