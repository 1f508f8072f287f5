using System.Globalization;

namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>
/// Names of evaluation jobs and their tasks. A job id is what a user types to query a job later
/// (<c>stsb-dev-3f9a2c41d07e</c>: the suite, the split and a random part); a task's grain key is <c>JOB/TASK</c>.
/// </summary>
public static class EvaluationJobIds
{
    /// <summary>The key of the one <see cref="IEvaluationJobRegistryGrain"/> of a cluster (not a job id: it has no random part).</summary>
    public const string Registry = "jobs";

    private const char Separator = '/';

    /// <summary>A new id for a job evaluating <paramref name="split"/> of <paramref name="suite"/>.</summary>
    public static string New(string suite, string split)
    {
        ArgumentException.ThrowIfNullOrEmpty(suite);
        ArgumentException.ThrowIfNullOrEmpty(split);
        var random = Guid.NewGuid().ToString("N")[..12];
        var id = string.Create(CultureInfo.InvariantCulture, $"{suite}-{split}-{random}");
        return IsValid(id) ? id : $"eval-{random}";
    }

    /// <summary>Job ids follow the rules of model names: 1-100 ASCII letters, digits, '.', '_' or '-'.</summary>
    public static bool IsValid(string id) => ModelNames.IsValid(id);

    /// <summary>The key of the grain that runs <paramref name="task"/> of job <paramref name="job"/>.</summary>
    public static string TaskKey(string job, string task) => job + Separator + task;

    /// <summary>The job and task a task grain's key names; a key without a job is a <see cref="FormatException"/> naming it.</summary>
    public static (string Job, string Task) ParseTaskKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var separator = key.IndexOf(Separator, StringComparison.Ordinal);
        return separator > 0 && separator < key.Length - 1
            ? (key[..separator], key[(separator + 1)..])
            : throw new FormatException($"'{key}' is not an evaluation task key (JOB/TASK)");
    }
}
