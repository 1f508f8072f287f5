using System.CommandLine;
using System.Text.Json;
using Similarity.Cli.IO;
using Similarity.Inference.Models.Cache;

namespace Similarity.Cli.Commands.Models;

/// <summary><c>simctl model list</c>: the models in the cache (name, folder, source package), and the names that can be fetched.</summary>
internal static class ModelListCommand
{
    public static Command Create()
    {
        var json = CommandOutput.JsonSwitch();
        var command = new Command("list", "List the models in the model cache.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cache = ModelCache.Default;
            var models = cache.List();
            if (parse.GetValue(json))
            {
                foreach (var model in models)
                {
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        name = model.Name,
                        folder = model.Folder,
                        package = model.PackageId,
                        version = model.PackageVersion,
                    }));
                }

                return 0;
            }

            await Console.Out.WriteLineAsync($"model cache: {cache.Root}");
            foreach (var model in models)
            {
                var source = model.PackageId is null ? "(placed by hand)" : $"{model.PackageId} {model.PackageVersion}";
                await Console.Out.WriteLineAsync($"{model.Name,-28} {source,-42} {model.Folder}");
            }

            var missing = ModelCatalog.Models.Where(m => models.All(c => c.Name != m.Name)).Select(m => m.Name).ToArray();
            if (missing.Length > 0)
            {
                await Console.Out.WriteLineAsync($"not fetched yet (simctl model fetch NAME): {string.Join(", ", missing)}");
            }

            return 0;
        });
        return command;
    }
}
