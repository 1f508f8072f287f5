using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.Normalizers;

/// <summary>A <c>normalizer</c> of tokenizer.json: rewrites text before it is cut into words, keeping offsets.</summary>
internal interface INormalizer
{
    void Normalize(NormalizedString text);
}
