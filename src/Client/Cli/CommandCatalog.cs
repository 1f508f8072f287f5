using System.CommandLine;
using Similarity.Cli.Commands.Bench;

namespace Similarity.Cli;

/// <summary>Every top-level <c>simctl</c> command, in the order help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return Commands.TokenizeCommand.Create();
        yield return BenchCommand.Create();
    }
}
