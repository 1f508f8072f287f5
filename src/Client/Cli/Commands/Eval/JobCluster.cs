using System.CommandLine;
using Similarity.Client;

namespace Similarity.Cli.Commands.Eval;

/// <summary>
/// The cluster the <c>eval</c> subcommands (status, report, list, cancel, delete) query. Jobs outlive their client only in
/// a cluster: without <c>--cluster</c> there is nothing to query, and the error says why.
/// </summary>
internal sealed class JobCluster
{
    public Option<string?> Cluster { get; } = ClusterOptions.Connection("The cluster the jobs were submitted to");

    public Option<string> ClusterId { get; } = ClusterOptions.Id();

    public void AddTo(Command command)
    {
        command.Options.Add(Cluster);
        command.Options.Add(ClusterId);
    }

    /// <summary>A client of the jobs' cluster; without <c>--cluster</c> a <see cref="CliException"/> explains why there is no job to find.</summary>
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
