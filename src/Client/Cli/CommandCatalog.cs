using System.CommandLine;
using Similarity.Cli.Commands.Bench;

namespace Similarity.Cli;

/// <summary>Every top-level <c>simctl</c> command, in the order help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return Commands.EncodeCommand.Create();
        yield return Commands.PredictCommand.Create();
        yield return Commands.TokenizeCommand.Create();
        yield return Commands.EvalCommand.Create();
        yield return BenchCommand.Create();
    }
}
