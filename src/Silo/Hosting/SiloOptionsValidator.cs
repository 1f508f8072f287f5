using Microsoft.Extensions.Options;
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
            problems.Add($"cluster id '{options.ClusterId}' must be 1-{ModelNames.MaxLength} ASCII letters, digits, '.', '_' or '-'");
        }

        if (options.SiloId is { } siloId && string.IsNullOrWhiteSpace(siloId))
        {
            problems.Add("silo id must not be blank");
        }

        if (options.Models.Count == 0)
        {
            problems.Add("no models: give at least one --model NAME=DIR");
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

        if (options.Broker is { } broker && (!Uri.TryCreate(broker, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps")))
        {
            problems.Add($"--broker '{Redact(broker)}' must be an amqp:// or amqps:// URI");
        }

        if (options.Postgres is { } postgres && string.IsNullOrWhiteSpace(postgres))
        {
            problems.Add("--postgres must not be blank");
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

        Positive(problems, "--batch-tokens", options.BatchTokens);
        Positive(problems, "--max-batch", options.MaxBatch);
        Positive(problems, "--inference-workers", options.InferenceWorkers);
        Positive(problems, "--queue-capacity", options.QueueCapacity);
        Positive(problems, "--prefetch", options.Prefetch);
        Positive(problems, "--max-queue-length", options.MaxQueueLength);
        Positive(problems, "--delivery-limit", options.DeliveryLimit);
        Positive(problems, "heartbeat seconds", options.HeartbeatSeconds);
        Positive(problems, "timeout seconds", options.TimeoutSeconds);
        if (options.MaxWaitMs is < 0 or > 60_000)
        {
            problems.Add($"--max-wait-ms must be between 0 and 60000; got {options.MaxWaitMs}");
        }

        if (options.Threads < 0)
        {
            problems.Add($"--threads must be 0 (one per core) or more; got {options.Threads}");
        }

        if (options.DrainSeconds < 0)
        {
            problems.Add($"drain seconds must be 0 or more; got {options.DrainSeconds}");
        }

        if (options.Prefetch > ushort.MaxValue)
        {
            problems.Add($"--prefetch must be at most {ushort.MaxValue}; got {options.Prefetch}");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>A broker URI with its password hidden, for messages and logs.</summary>
    public static string Redact(string broker) =>
        Uri.TryCreate(broker, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? broker.Replace(uri.UserInfo, uri.UserInfo[..uri.UserInfo.IndexOf(':', StringComparison.Ordinal)] + ":***", StringComparison.Ordinal)
            : broker;

    private static void Positive(List<string> problems, string option, int value)
    {
        if (value <= 0)
        {
            problems.Add($"{option} must be positive; got {value}");
        }
    }
}
