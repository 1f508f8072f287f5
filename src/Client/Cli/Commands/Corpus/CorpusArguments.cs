using System.CommandLine;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Errors;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>The corpus name and the options that say where corpora live, shared by every <c>corpus</c> command.</summary>
internal sealed class CorpusArguments
{
    /// <summary>What the error for a missing corpus adds in process, where corpora do not outlive their command.</summary>
    public const string EmbeddedHint =
        "without --cluster a corpus lives only as long as the command that creates it: create, add and export in one go "
        + "(simctl corpus create NAME --model DIR --input texts.txt --export E.npy), or use --cluster";

    public Argument<string> Name { get; } = new("name") { Description = "The corpus: 1-100 ASCII letters, digits, '.', '_' or '-'." };

    public Option<string?> Cluster { get; } = ClusterOptions.Connection("Use the corpora of the cluster whose silos are listed in this PostgreSQL database instead of a silo in this process");

    public Option<string> ClusterId { get; } = ClusterOptions.Id();

    public Option<string> Device { get; } = new("--device")
    {
        Description = "cpu or gpu: which silos encode the texts added.",
        DefaultValueFactory = _ => "cpu",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Name);
        command.Options.Add(Cluster);
        command.Options.Add(ClusterId);
        command.Options.Add(Device);
    }

    public string CheckedName(ParseResult parse) => Checked(parse.GetRequiredValue(Name), null);

    /// <summary><paramref name="name"/> if it is a corpus name; else an error naming it (and the <paramref name="option"/> that gave it).</summary>
    public static string Checked(string name, string? option) =>
        CorpusNames.IsValid(name)
            ? name
            : throw new CliException($"{(option is null ? "" : option + " ")}'{name}' is not a corpus name: use 1-100 ASCII letters, digits, '.', '_' or '-'");

    /// <summary>Opens the corpora the options name; <paramref name="model"/> is a folder the embedded silo serves (in process only).</summary>
    public Task<CorpusSession> OpenAsync(ParseResult parse, string? model, CancellationToken cancellationToken)
    {
        DeviceClass device;
        try
        {
            device = DeviceClassNames.Parse(parse.GetValue(Device) ?? "cpu");
        }
        catch (ArgumentException)
        {
            throw new CliException($"--device must be cpu or gpu, not '{parse.GetValue(Device)}'");
        }

        var cluster = parse.GetValue(Cluster);
        if (cluster is null && parse.GetResult(ClusterId) is { Implicit: false })
        {
            throw new CliException("--cluster-id needs --cluster");
        }

        return CorpusSession.OpenAsync(cluster, ClusterOptions.CheckedId(parse, ClusterId), model, device, cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/>; in process, a missing corpus's error says why corpora do not outlive a command.</summary>
    public static async Task<T> ExplainAsync<T>(CorpusSession session, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (CorpusNotFoundException e) when (session.IsEmbedded)
        {
            throw new CliException($"{e.Message}; {EmbeddedHint}", e);
        }
    }
}
