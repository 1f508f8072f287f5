using System.CommandLine;
using Similarity.Cli.Commands.Bench;

namespace Similarity.Cli;

/// <summary>Every top-level <c>simctl</c> command, in the order help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return BenchCommand.Create();
        yield return Commands.SiloCommand.Create();
        yield return Commands.ClusterStatusCommand.Create();
    }
}
