using System.Text;
using Similarity.Inference.Tokenization.PreTokenizers;

namespace Similarity.Inference.Tokenization.Decoders;

/// <summary><c>Metaspace</c> decoder: the replacement character becomes a space, except in the first token when a prefix was prepended.</summary>
internal sealed class MetaspaceDecoder(char replacement, PrependScheme scheme) : IDecoder
{
    public string Decode(IReadOnlyList<string> tokens)
    {
        var result = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var c in tokens[i])
            {
                if (c != replacement)
                {
                    result.Append(c);
                }
                else if (i != 0 || scheme == PrependScheme.Never)
                {
                    result.Append(' ');
                }
            }
        }

        return result.ToString();
    }
}
