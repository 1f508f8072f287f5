using System.CommandLine;
using Similarity.Grains.Contracts;
using Similarity.Silo.Hosting;

namespace Similarity.Cli.Commands;

/// <summary>The <c>--cluster</c> and <c>--cluster-id</c> options every cluster-aware command shares, and their checks.</summary>
internal static class ClusterOptions
{
    public static Option<string?> Connection(string purpose) => new("--cluster")
    {
        Description = $"{purpose}: a PostgreSQL connection string, \"Host=HOST;Port=5432;Username=USER;Password=...;Database=DB\".",
    };

    public static Option<string> Id() => new("--cluster-id")
    {
        Description = "With --cluster: the silos' cluster id.",
        DefaultValueFactory = _ => ClusterIdentity.DefaultClusterId,
    };

    /// <summary>A <see cref="CliException"/> when <paramref name="connection"/> is not a PostgreSQL connection string (never repeating a password).</summary>
    public static void Check(string connection)
    {
        if (SiloOptionsValidator.ClusterConnectionProblem(connection) is { } problem)
        {
            throw new CliException(problem);
        }
    }

    public static string CheckedId(ParseResult parse, Option<string> option)
    {
        var id = parse.GetValue(option) ?? ClusterIdentity.DefaultClusterId;
        return ModelNames.IsValid(id) ? id : throw new CliException($"--cluster-id '{id}' must be ASCII letters, digits, '.', '_' or '-'");
    }
}
