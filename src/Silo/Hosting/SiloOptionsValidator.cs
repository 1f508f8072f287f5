using System.Net;
using Microsoft.Extensions.Options;
using Npgsql;
using Similarity.Grains.Contracts;

namespace Similarity.Silo.Hosting;

/// <summary>Checks <see cref="SiloOptions"/> at start-up, listing every problem with the option that causes it.</summary>
public sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var problems = new List<string>();
        if (!ModelNames.IsValid(options.ClusterId))
        {
            problems.Add($"--cluster-id '{options.ClusterId}' must be 1-{ModelNames.MaxLength} ASCII letters, digits, '.', '_' or '-'");
        }

        if (options.SiloName is { } siloName && string.IsNullOrWhiteSpace(siloName))
        {
            problems.Add("the silo name must not be blank");
        }

        foreach (var (model, path) in options.Models)
        {
            if (!ModelNames.IsValid(model))
            {
                problems.Add($"--model '{model}': invalid model name (use ASCII letters, digits, '.', '_' or '-')");
            }

            if (string.IsNullOrWhiteSpace(path))
            {
                problems.Add($"--model '{model}': no folder given");
            }
        }

        try
        {
            _ = DeviceClassNames.Parse(options.Device);
        }
        catch (ArgumentException)
        {
            problems.Add($"--device '{options.Device}' must be cpu or gpu");
        }

        if (options.Cluster is { } cluster && ClusterConnectionProblem(cluster) is { } problem)
        {
            problems.Add(problem);
        }

        if (options.PrimarySilo is { } primary)
        {
            if (!options.IsEmbedded)
            {
                problems.Add("--primary-silo is for development clusters without PostgreSQL; with --cluster the silos find each other in PostgreSQL");
            }
            else if (!IPEndPoint.TryParse(primary, out var endpoint) || endpoint.Port == 0)
            {
                problems.Add($"--primary-silo '{primary}' must be IP:PORT (the first silo's --silo-port)");
            }
        }

        if (options.AdvertisedAddress is { } address && !IPAddress.TryParse(address, out _))
        {
            problems.Add($"--advertise '{address}' must be an IP address");
        }

        if (options.Http is { } http)
        {
            try
            {
                _ = ListenAddress.Parse(http);
            }
            catch (FormatException e)
            {
                problems.Add(e.Message);
            }
        }

        Port(problems, "--silo-port", options.SiloPort);
        Port(problems, "--gateway-port", options.GatewayPort);
        if (options.SiloPort != 0 && options.SiloPort == options.GatewayPort)
        {
            problems.Add($"--silo-port and --gateway-port must differ; both are {options.SiloPort}");
        }

        Positive(problems, "--batch-tokens", options.BatchTokens);
        Positive(problems, "--max-batch", options.MaxBatch);
        Positive(problems, "--inference-workers", options.InferenceWorkers);
        Positive(problems, "--queue-capacity", options.QueueCapacity);
        Positive(problems, "timeout seconds", options.TimeoutSeconds);
        if (options.MaxWaitMs is < 0 or > 60_000)
        {
            problems.Add($"--max-wait-ms must be between 0 and 60000; got {options.MaxWaitMs}");
        }

        if (options.Threads < 0)
        {
            problems.Add($"--threads must be 0 (a share of the cores) or more; got {options.Threads}");
        }

        if (options.DrainSeconds < 0)
        {
            problems.Add($"drain seconds must be 0 or more; got {options.DrainSeconds}");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Why <paramref name="connectionString"/> is not a usable PostgreSQL connection string, or null; never repeats a password.</summary>
    public static string? ClusterConnectionProblem(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "--cluster must not be blank: give a PostgreSQL connection string (Host=...;Port=...;Username=...;Database=...)";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrEmpty(builder.Host)
                ? "--cluster must name the PostgreSQL Host (Host=...;Port=...;Username=...;Database=...)"
                : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            return $"--cluster is not a PostgreSQL connection string (Host=...;Port=...;Username=...;Database=...): {e.Message}";
        }
    }

    private static void Port(List<string> problems, string option, int value)
    {
        if (value is < 0 or > 65535)
        {
            problems.Add($"{option} must be between 0 and 65535; got {value}");
        }
    }

    private static void Positive(List<string> problems, string option, int value)
    {
        if (value <= 0)
        {
            problems.Add($"{option} must be positive; got {value}");
        }
    }
}
