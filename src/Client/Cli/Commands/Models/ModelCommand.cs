using System.CommandLine;

namespace Similarity.Cli.Commands.Models;

/// <summary><c>simctl model ...</c>: the local model cache, whose names <c>--model</c> takes wherever it takes a folder.</summary>
internal static class ModelCommand
{
    public static Command Create()
    {
        var model = new Command("model", "Install pretrained models by name and list the model cache ($SIMILARITY_HOME/models, default ~/.cache/similarity/models).");
        model.Subcommands.Add(ModelFetchCommand.Create());
        model.Subcommands.Add(ModelListCommand.Create());
        return model;
    }
}
