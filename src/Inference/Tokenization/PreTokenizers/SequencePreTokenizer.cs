using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.PreTokenizers;

/// <summary><c>Sequence</c>: applies its pre-tokenizers in order.</summary>
internal sealed class SequencePreTokenizer(IPreTokenizer[] preTokenizers) : IPreTokenizer
{
    public void PreTokenize(PreTokenizedString text)
    {
        foreach (var preTokenizer in preTokenizers)
        {
            preTokenizer.PreTokenize(text);
        }
    }
}
