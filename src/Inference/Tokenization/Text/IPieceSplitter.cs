namespace Similarity.Inference.Tokenization.Text;

/// <summary>Cuts one piece of text into smaller pieces (a pre-tokenizer step, or the added-token extraction).</summary>
internal interface IPieceSplitter
{
    void SplitPiece(NormalizedString piece, PreTokenizedString output);
}
