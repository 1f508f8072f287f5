using System.CommandLine;
using Similarity.Client;
using Similarity.Grains.Contracts.Evaluation.Jobs;

namespace Similarity.Cli.Commands.Eval;

/// <summary>
/// What <c>eval status</c> and <c>eval report</c> share: the job id <c>simctl eval --cluster</c> printed, and the cluster
/// it runs in. Jobs outlive their client only in a cluster: without <c>--cluster</c> there is nothing to query.
/// </summary>
internal sealed class JobArguments
{
    public Argument<string> Job { get; } = new("JOB") { Description = "The job id simctl eval --cluster printed on stderr." };

    public Option<string?> Cluster { get; } = ClusterOptions.Connection("The cluster the job was submitted to");

    public Option<string> ClusterId { get; } = ClusterOptions.Id();

    public void AddTo(Command command)
    {
        command.Arguments.Add(Job);
        command.Options.Add(Cluster);
        command.Options.Add(ClusterId);
    }

    /// <summary>The job id, checked; a <see cref="CliException"/> names what is wrong.</summary>
    public string JobId(ParseResult parse)
    {
        var id = parse.GetRequiredValue(Job);
        return EvaluationJobIds.IsValid(id) ? id : throw new CliException($"'{id}' is not an evaluation job id: use the id simctl eval --cluster printed");
    }

    /// <summary>A client of the job's cluster; without <c>--cluster</c> a <see cref="CliException"/> explains why there is no job to find.</summary>
    public async Task<SimilarityClient> ConnectAsync(ParseResult parse, string command, CancellationToken cancellationToken)
    {
        if (parse.GetValue(Cluster) is not { } cluster)
        {
            throw new CliException(
                $"eval {command} needs --cluster: only a cluster keeps jobs; without --cluster, simctl eval runs its job on a silo inside its own process, and the job ends with it");
        }

        ClusterOptions.Check(cluster);
        try
        {
            return await SimilarityClient.ConnectAsync(new SimilarityClientOptions { Cluster = cluster, ClusterId = ClusterOptions.CheckedId(parse, ClusterId) }, cancellationToken);
        }
        catch (ClusterUnavailableException e)
        {
            throw new CliException(e.Message, e);
        }
    }
}
