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
        AppendText(first, 0, output);
        output.AddSpecial(separator.Id, separator.Token, 0);
        if (second is not null)
        {
            AppendText(second, 1, output);
            output.AddSpecial(separator.Id, separator.Token, 1);
        }
    }

    /// <summary>The text's own tokens, never marked special (even added special tokens written in it).</summary>
    private static void AppendText(EncodingBuffer source, int sequence, EncodingBuffer output)
    {
        for (var i = 0; i < source.Count; i++)
        {
            output.Add(source.Ids[i], source.TypeIds[i], source.Tokens[i], source.Offsets[i], source.WordIds[i], sequence, 0);
        }
    }
}
