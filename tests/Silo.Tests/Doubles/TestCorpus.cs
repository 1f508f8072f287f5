using System.Globalization;
using Similarity.Inference.Models;

namespace Similarity.Silo.Tests.Doubles;

/// <summary>Distinct, multilingual input texts for cluster tests.</summary>
public static class TestCorpus
{
    private static readonly string[] Stems = ["A man is playing a guitar.", "Ein Mann spielt Gitarre.", "Un homme joue de la guitare.", "男人在弹吉他。", "Мужчина играет на гитаре.", "🎸 guitar"];

    public static string[] Texts(int count, string tag = "") =>
        Enumerable.Range(0, count).Select(i => $"{Stems[i % Stems.Length]} #{i.ToString(CultureInfo.InvariantCulture)}{tag}").ToArray();

    /// <summary><paramref name="count"/> pairs of distinct texts: text i with text count−1−i.</summary>
    public static TextPair[] Pairs(int count)
    {
        var texts = Texts(count);
        return texts.Zip(texts.Reverse(), (a, b) => new TextPair(a, b)).ToArray();
    }
}
