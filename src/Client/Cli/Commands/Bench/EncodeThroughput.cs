namespace Similarity.Cli.Commands.Bench;

/// <summary>One way of encoding the corpus, measured: the median of its timed runs and what it computed.</summary>
internal sealed record EncodeThroughput(string Name, IReadOnlyList<double> RunSeconds, int Sentences, long Tokens, long PaddedTokens, long Batches)
{
    public double MedianSeconds => Median.Of(RunSeconds);

    public double SentencesPerSecond => Sentences / MedianSeconds;

    public double TokensPerSecond => Tokens / MedianSeconds;

    /// <summary>Real tokens over computed (padded) tokens: 1 means no padding.</summary>
    public double PaddingEfficiency => PaddedTokens == 0 ? 1 : (double)Tokens / PaddedTokens;
}
