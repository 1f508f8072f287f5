using System.CommandLine;

namespace Similarity.Cli.Commands.Bench;

/// <summary><c>simctl bench ...</c>: throughput figures measured against a baseline in the same run.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure throughput against a baseline in the same run.");
        bench.Subcommands.Add(BenchEncodeCommand.Create());
        bench.Subcommands.Add(BenchSimilarityCommand.Create());
        bench.Subcommands.Add(BenchClusterCommand.Create());
        bench.Subcommands.Add(BenchIngestCommand.Create());
        bench.Subcommands.Add(BenchCorpusCommand.Create());
        return bench;
    }
}
