using System.CommandLine;
using Similarity.Cli;

var root = new RootCommand("simctl: encode, score, search, cluster and evaluate with sentence-transformer models.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await CliRunner.RunAsync(root, args);
