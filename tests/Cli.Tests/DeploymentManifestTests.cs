using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;

namespace Similarity.Cli.Tests;

/// <summary>
/// The <c>simctl</c> command lines in deploy/k8s parse with the real command line: every option a Job or a silo pool
/// passes exists on its command and has a valid value.
/// </summary>
public class DeploymentManifestTests
{
    public static TheoryData<string> Manifests => new()
    {
        "jobs/migrate/migrate-job.yaml", "jobs/evaluation/evaluation-job.yaml", "jobs/clustering/clustering-job.yaml", "silo-cpu.yaml", "silo-gpu.yaml",
    };

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Every_simctl_command_line_in_the_manifest_parses(string manifest)
    {
        var lines = CommandLines(File.ReadAllText(Path.Combine(DeployFolder(), manifest)));
        Assert.NotEmpty(lines);
        var root = new RootCommand();
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        foreach (var args in lines)
        {
            var parsed = root.Parse(args);

            Assert.True(parsed.Errors.Count == 0, $"{manifest}: simctl {string.Join(' ', args)}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
        }
    }

    /// <summary>simctl's arguments: flow sequences (<c>args: [silo, ...]</c>) and folded <c>sh -c</c> scripts starting with simctl.</summary>
    private static List<string[]> CommandLines(string yaml)
    {
        var result = new List<string[]>();
        foreach (Match flow in Regex.Matches(yaml, @"^\s*args:\s*\[(.*)\]\s*$", RegexOptions.Multiline))
        {
            result.Add(flow.Groups[1].Value.Split(',').Select(a => a.Trim().Trim('"')).ToArray());
        }

        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimEnd().EndsWith("- >-", StringComparison.Ordinal))
            {
                continue;
            }

            var script = new StringBuilder();
            var indent = lines[i].IndexOf('-', StringComparison.Ordinal);
            for (i++; i < lines.Length && lines[i].Length - lines[i].TrimStart().Length > indent; i++)
            {
                script.Append(' ').Append(lines[i].Trim());
            }

            var words = ShellWords(script.ToString());
            Assert.Equal("simctl", words[0]);
            result.Add(words[1..]);
        }

        return result;
    }

    /// <summary>Splits a one-line shell command: double quotes group, <c>$VAR</c> and <c>$(...)</c> stand in as placeholders.</summary>
    private static string[] ShellWords(string script)
    {
        var expanded = script
            .Replace("$(date +%Y%m%d-%H%M%S)", "20260101-000000", StringComparison.Ordinal);
        return Regex.Matches(expanded, "\"([^\"]*)\"|(\\S+)").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray();
    }

    private static string DeployFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "deploy", "k8s");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("deploy/k8s not found above " + AppContext.BaseDirectory);
    }
}
