using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Jobs;

namespace Similarity.Grains.Evaluation.Jobs.State;

/// <summary>
/// What a job grain persists, one small row whatever the suite's size: what it evaluates, its tasks' names, sizes and
/// whether each is done, and how it ended. The pairs themselves stay with the task grains.
/// </summary>
[GenerateSerializer]
public sealed class EvaluationJobRecord
{
    [Id(0)]
    public string Model { get; set; } = string.Empty;

    [Id(1)]
    public DeviceClass Device { get; set; }

    [Id(2)]
    public string Suite { get; set; } = string.Empty;

    [Id(3)]
    public string Split { get; set; } = string.Empty;

    [Id(4)]
    public SuiteKind Kind { get; set; }

    [Id(5)]
    public TaskAveraging Averaging { get; set; }

    [Id(6)]
    public EvaluationJobTask[] Tasks { get; set; } = [];

    [Id(7)]
    public EvaluationJobState State { get; set; }

    [Id(8)]
    public string? Error { get; set; }

    [Id(9)]
    public DateTimeOffset SubmittedAt { get; set; }

    [Id(10)]
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The record of a job just submitted with <paramref name="request"/>: running, no task done, tasks in report order.</summary>
    public static EvaluationJobRecord Submitted(EvaluationJobRequest request, DateTimeOffset now) => new()
    {
        Model = request.Model,
        Device = request.Device,
        Suite = request.Suite,
        Split = request.Split,
        Kind = request.Kind,
        Averaging = request.Averaging,
        Tasks = request.Tasks
            .OrderBy(task => task.Name, StringComparer.Ordinal)
            .Select(task => new EvaluationJobTask { Name = task.Name, Pairs = task.PairCount })
            .ToArray(),
        State = EvaluationJobState.Running,
        SubmittedAt = now,
    };

    /// <summary>Whether <paramref name="request"/> is the request this job was submitted with (a retried submission), as far as the record tells.</summary>
    public bool Matches(EvaluationJobRequest request) =>
        Model == request.Model
        && Device == request.Device
        && Suite == request.Suite
        && Split == request.Split
        && Kind == request.Kind
        && Averaging == request.Averaging
        && Tasks.Select(task => (task.Name, task.Pairs))
            .SequenceEqual(request.Tasks.OrderBy(task => task.Name, StringComparer.Ordinal).Select(task => (task.Name, task.PairCount)));
}
