using Similarity.Inference.Tokenization.Unicode;

namespace Similarity.Inference.Tokenization.PostProcessors;

/// <summary>
/// <c>RobertaProcessing</c>: <c>&lt;s&gt; A &lt;/s&gt;</c> and <c>&lt;s&gt; A &lt;/s&gt;&lt;/s&gt; B &lt;/s&gt;</c>, every type
/// id 0. With <c>trim_offsets</c>, offsets skip the white space a token starts or ends with (an lstrip added
/// token such as " &lt;mask&gt;" then points at "&lt;mask&gt;" only).
/// </summary>
internal sealed class RobertaProcessing(
    (string Token, int Id) separator,
    (string Token, int Id) classifier,
    bool trimOffsets,
    bool addPrefixSpace) : IPostProcessor
{
    private const char ByteLevelSpace = '\u0120';

    public int AddedTokenCount(bool isPair) => isPair ? 4 : 2;

    public void Process(EncodingBuffer first, EncodingBuffer? second, bool addSpecialTokens, EncodingBuffer output)
    {
        if (!addSpecialTokens)
        {
            AppendText(first, 0, output);
            if (second is not null)
            {
                AppendText(second, 1, output);
            }

            return;
        }

        output.AddSpecial(classifier.Id, classifier.Token, 0);
        AppendText(first, 0, output);
        output.AddSpecial(separator.Id, separator.Token, 0);
        if (second is not null)
        {
            output.AddSpecial(separator.Id, separator.Token, 0);
            AppendText(second, 1, output);
            output.AddSpecial(separator.Id, separator.Token, 0);
        }
    }

    private void AppendText(EncodingBuffer source, int sequence, EncodingBuffer output)
    {
        var from = output.Count;
        output.Append(source, sequence, typeId: 0);
        if (!trimOffsets || output.IdsOnly)
        {
            return;
        }

        for (var i = from; i < output.Count; i++)
        {
            output.Offsets[i] = Trim(output.Tokens[i], output.Offsets[i], i - from);
        }
    }

    private (int Start, int End) Trim(string token, (int Start, int End) offsets, int index)
    {
        var leading = 0;
        while (leading < token.Length && IsSpace(token[leading]))
        {
            leading++;
        }

        var trailing = 0;
        while (trailing < token.Length && IsSpace(token[token.Length - 1 - trailing]))
        {
            trailing++;
        }

        var (start, end) = offsets;
        if (leading > 0)
        {
            var isFirst = index == 0 || start == 0;
            if (!(isFirst && addPrefixSpace && leading == 1))
            {
                start = Math.Min(start + leading, end);
            }
        }

        if (trailing > 0 && end >= trailing)
        {
            end = Math.Max(end - trailing, start);
        }

        return (start, end);
    }

    private static bool IsSpace(char c) => c == ByteLevelSpace || CharacterProperties.IsWhitespace(c);
}
