namespace Similarity.Cli.Commands.Bench;

/// <summary>One way of encoding the corpus, measured: the median of its timed runs, what it computed and the process CPU time its timed runs took.</summary>
internal sealed record EncodeThroughput(string Name, IReadOnlyList<double> RunSeconds, int Sentences, long Tokens, long PaddedTokens, long Batches, double CpuSeconds)
{
    /// <summary>Process CPU time over wall time of the timed runs: 2.0 means two cores busy throughout.</summary>
    public double CpuUsed => CpuSeconds / RunSeconds.Sum();

    public double MedianSeconds => Median.Of(RunSeconds);

    public double SentencesPerSecond => Sentences / MedianSeconds;

    public double TokensPerSecond => Tokens / MedianSeconds;

    /// <summary>Real tokens over computed (padded) tokens: 1 means no padding.</summary>
    public double PaddingEfficiency => PaddedTokens == 0 ? 1 : (double)Tokens / PaddedTokens;
}
