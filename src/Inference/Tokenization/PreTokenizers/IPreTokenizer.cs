using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.PreTokenizers;

/// <summary>A <c>pre_tokenizer</c> of tokenizer.json: cuts normalized text into the words the model sees.</summary>
internal interface IPreTokenizer
{
    void PreTokenize(PreTokenizedString text);
}
