using Similarity.Inference.Tokenization.Text;
using Similarity.Inference.Tokenization.Unicode;

namespace Similarity.Inference.Tokenization.Normalizers;

/// <summary><c>StripAccents</c>: removes every combining mark (Mn, Mc, Me); meant to follow NFD or NFKD.</summary>
internal sealed class StripAccentsNormalizer : INormalizer
{
    private static readonly Func<int, bool> NotCombiningMark = c => !CharacterProperties.IsCombiningMark(c);

    public void Normalize(NormalizedString text) => text.Filter(NotCombiningMark);
}
