using Similarity.Grains.Contracts.Errors;

namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>
/// What a client submits to evaluate a model on a suite split: the model the silos serve and on which device class, the
/// suite's name, split, kind and averaging as the report names them, and every task's pairs and gold values.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record EvaluationJobRequest
{
    /// <summary>The name the silos serve the model under.</summary>
    [Id(0)]
    public required string Model { get; init; }

    [Id(1)]
    public DeviceClass Device { get; init; } = DeviceClass.Cpu;

    [Id(2)]
    public required string Suite { get; init; }

    [Id(3)]
    public required string Split { get; init; }

    /// <summary>Graded similarity (gold scores) or pair classification (gold labels).</summary>
    [Id(4)]
    public SuiteKind Kind { get; init; }

    [Id(5)]
    public TaskAveraging Averaging { get; init; }

    [Id(6)]
    public required EvaluationTaskInput[] Tasks { get; init; }

    /// <summary>
    /// Throws <see cref="InvalidRequestException"/> naming the first problem: a bad model name, no tasks, a task name that
    /// is empty, repeated or holds '/', pairs and gold values that do not line up, a non-finite score or a label other
    /// than 0 and 1. Client and job check the same rules, so nothing malformed is ever stored.
    /// </summary>
    public void Validate()
    {
        Require(ModelNames.IsValid(Model ?? string.Empty), $"'{Model}' is not a model name: use 1-{ModelNames.MaxLength} ASCII letters, digits, '.', '_' or '-'", "model");
        Require(!string.IsNullOrEmpty(Suite) && !string.IsNullOrEmpty(Split), "an evaluation job needs a suite and a split", "suite");
        Require(Tasks is { Length: > 0 }, $"the evaluation of {Suite} {Split} has no tasks", "tasks");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in Tasks)
        {
            if (task is null || string.IsNullOrEmpty(task.Name) || task.Name.Contains('/', StringComparison.Ordinal))
            {
                throw new InvalidRequestException($"task '{task?.Name}' of {Suite} {Split} needs a name without '/'", "tasks");
            }

            Require(names.Add(task.Name), $"task '{task.Name}' appears twice in {Suite} {Split}", "tasks");
            ValidatePairs(task);
        }
    }

    private void ValidatePairs(EvaluationTaskInput task)
    {
        if (task.First is null || task.Second is null || task.Gold is null)
        {
            throw new InvalidRequestException($"task '{task.Name}' lacks its pairs or gold values", "tasks");
        }

        Require(task.Gold.Length > 0, $"task '{task.Name}' has no pairs", "tasks");
        Require(
            task.First.Length == task.Gold.Length && task.Second.Length == task.Gold.Length,
            $"task '{task.Name}' has {task.First.Length} first sentences, {task.Second.Length} second sentences and {task.Gold.Length} gold values; they must match",
            "tasks");
        for (var i = 0; i < task.Gold.Length; i++)
        {
            var gold = task.Gold[i];
            if (Kind == SuiteKind.Classification ? gold is not (0 or 1) : !double.IsFinite(gold))
            {
                throw new InvalidRequestException(
                    Kind == SuiteKind.Classification
                        ? $"pair {i + 1} of task '{task.Name}' has label {gold}; expected 0 or 1"
                        : $"pair {i + 1} of task '{task.Name}' has a gold score that is not a finite number",
                    "tasks");
            }

            Require(task.First[i] is not null && task.Second[i] is not null, $"pair {i + 1} of task '{task.Name}' lacks a sentence", "tasks");
        }
    }

    private static void Require(bool ok, string message, string parameter)
    {
        if (!ok)
        {
            throw new InvalidRequestException(message, parameter);
        }
    }
}
