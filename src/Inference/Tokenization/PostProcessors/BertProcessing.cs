namespace Similarity.Inference.Tokenization.PostProcessors;

/// <summary><c>BertProcessing</c>: <c>[CLS] A [SEP]</c> and <c>[CLS] A [SEP] B [SEP]</c>, the second text with type id 1.</summary>
internal sealed class BertProcessing((string Token, int Id) separator, (string Token, int Id) classifier) : IPostProcessor
{
    public int AddedTokenCount(bool isPair) => isPair ? 3 : 2;

    public void Process(EncodingBuffer first, EncodingBuffer? second, bool addSpecialTokens, EncodingBuffer output)
    {
        if (!addSpecialTokens)
        {
            output.Append(first, 0);
            if (second is not null)
            {
                output.Append(second, 1);
            }

            return;
        }

        output.AddSpecial(classifier.Id, classifier.Token, 0);
        output.Append(first, 0);
        output.AddSpecial(separator.Id, separator.Token, 0);
        if (second is not null)
        {
            output.Append(second, 1);
            output.AddSpecial(separator.Id, separator.Token, 1);
        }
    }
}
