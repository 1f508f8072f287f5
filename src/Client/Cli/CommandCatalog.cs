using System.CommandLine;
using Similarity.Cli.Commands;
using Similarity.Cli.Commands.Bench;
using Similarity.Cli.Commands.Corpus;
using Similarity.Cli.Commands.Languages;
using Similarity.Cli.Commands.Models;

namespace Similarity.Cli;

/// <summary>Every top-level <c>simctl</c> command, in the order help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return EncodeCommand.Create();
        yield return PredictCommand.Create();
        yield return TokenizeCommand.Create();
        yield return ScoreCommand.Create();
        yield return SearchCommand.Create();
        yield return MineCommand.Create();
        yield return ClusterCommand.Create();
        yield return ClusterLanguagesCommand.Create();
        yield return EvalCommand.Create();
        yield return CorpusCommand.Create();
        yield return SiloCommand.Create();
        yield return ClusterStatusCommand.Create();
        yield return DbCommand.Create();
        yield return BenchCommand.Create();
        yield return ModelCommand.Create();
    }
}
