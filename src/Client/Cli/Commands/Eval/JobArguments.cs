using System.CommandLine;
using Similarity.Client;
using Similarity.Grains.Contracts.Evaluation.Jobs;

namespace Similarity.Cli.Commands.Eval;

/// <summary>
/// What the <c>eval</c> subcommands about one job share: the job id <c>simctl eval --cluster</c> printed, and the cluster
/// it runs in (<see cref="JobCluster"/>).
/// </summary>
internal sealed class JobArguments
{
    private readonly JobCluster _cluster = new();

    public Argument<string> Job { get; } = new("JOB") { Description = "The job id simctl eval --cluster printed on stderr (simctl eval list shows them)." };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Job);
        _cluster.AddTo(command);
    }

    /// <summary>The job id, checked; a <see cref="CliException"/> names what is wrong.</summary>
    public string JobId(ParseResult parse)
    {
        var id = parse.GetRequiredValue(Job);
        return EvaluationJobIds.IsValid(id) ? id : throw new CliException($"'{id}' is not an evaluation job id: use the id simctl eval --cluster printed");
    }

    /// <summary>A client of the job's cluster; without <c>--cluster</c> a <see cref="CliException"/> explains why there is no job to find.</summary>
    public Task<SimilarityClient> ConnectAsync(ParseResult parse, string command, CancellationToken cancellationToken) =>
        _cluster.ConnectAsync(parse, command, cancellationToken);
}
