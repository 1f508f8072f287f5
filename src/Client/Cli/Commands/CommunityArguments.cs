using System.CommandLine;
using Similarity.Grains.Clustering;

namespace Similarity.Cli.Commands;

/// <summary>The options of community detection that <c>cluster</c>, <c>corpus cluster</c> and <c>cluster-languages</c> share, and their checks.</summary>
internal sealed class CommunityArguments
{
    public Option<double> Threshold { get; } = new("--threshold") { Description = "Cosine a row needs to join a community", DefaultValueFactory = _ => CommunityDetector.DefaultThreshold };

    public Option<int> MinSize { get; } = new("--min-size") { Description = "Members a community needs", DefaultValueFactory = _ => CommunityDetector.DefaultMinCommunitySize };

    public void AddTo(Command command)
    {
        command.Options.Add(Threshold);
        command.Options.Add(MinSize);
    }

    /// <summary>The threshold (finite) and minimum size (at least 1) given; a <see cref="CliException"/> names the option at fault.</summary>
    public (double Threshold, int MinSize) Checked(ParseResult parse)
    {
        var threshold = parse.GetValue(Threshold);
        return double.IsFinite(threshold)
            ? (threshold, EmbeddingInputs.AtLeastOne(parse.GetValue(MinSize), "--min-size"))
            : throw new CliException($"--threshold must be a finite number, got {threshold}");
    }
}
