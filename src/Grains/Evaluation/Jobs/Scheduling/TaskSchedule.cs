using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Evaluation.Jobs.State;

namespace Similarity.Grains.Evaluation.Jobs.Scheduling;

/// <summary>
/// A running job's plan, step by step: which tasks to call now (those started, then waiting ones while fewer than the
/// maximum run), what they answered, whether the job is complete or failed, and how far it is. It knows no grains and no
/// clock: the job grain calls the tasks it names and feeds their answers back.
/// </summary>
internal sealed class TaskSchedule
{
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly List<Slot> _order = [];
    private readonly int _maxRunning;

    /// <param name="tasks">The job's tasks in the order to start them; those already done are never called.</param>
    /// <param name="maxRunning">Tasks started and not yet done at any time, at most.</param>
    public TaskSchedule(IEnumerable<EvaluationJobTask> tasks, int maxRunning)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRunning, 1);
        _maxRunning = maxRunning;
        foreach (var task in tasks)
        {
            var slot = new Slot(task.Name, task.Pairs) { Phase = task.Done ? Phase.Done : Phase.Waiting, Fraction = task.Done ? 1 : 0 };
            if (!_slots.TryAdd(task.Name, slot))
            {
                throw new ArgumentException($"Task '{task.Name}' is listed twice.", nameof(tasks));
            }

            _order.Add(slot);
        }
    }

    /// <summary>Why the job cannot complete: the first task that failed, by name; null while none has.</summary>
    public string? Failure { get; private set; }

    public bool IsComplete => Failure is null && _order.All(slot => slot.Phase == Phase.Done);

    public int Count => _order.Count;

    public int TasksDone => _order.Count(slot => slot.Phase == Phase.Done);

    public long Pairs => _order.Sum(slot => (long)slot.Pairs);

    /// <summary>Pairs of done tasks, plus each running task's pairs times the share of its inputs encoded so far.</summary>
    public long PairsEncoded => (long)Math.Round(_order.Sum(slot => slot.Pairs * slot.Fraction), MidpointRounding.ToZero);

    /// <summary>The tasks done so far, in order.</summary>
    public IEnumerable<string> DoneTasks => _order.Where(slot => slot.Phase == Phase.Done).Select(slot => slot.Name);

    /// <summary>The tasks to call now: every started one (to follow it, or to restart it if its silo died), then waiting ones up to the maximum.</summary>
    public IReadOnlyList<string> Due()
    {
        if (Failure is not null)
        {
            return [];
        }

        var started = _order.Count(slot => slot.Phase == Phase.Started);
        foreach (var slot in _order)
        {
            if (started >= _maxRunning)
            {
                break;
            }

            if (slot.Phase == Phase.Waiting)
            {
                slot.Phase = Phase.Started;
                started++;
            }
        }

        return _order.Where(slot => slot.Phase == Phase.Started).Select(slot => slot.Name).ToList();
    }

    /// <summary>Records what <paramref name="task"/> answered; true when that answer is the news that it is done.</summary>
    public bool Observe(string task, EvaluationTaskStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var slot = _slots.TryGetValue(task, out var found) ? found : throw new ArgumentException($"Task '{task}' is not part of this job.", nameof(task));
        if (slot.Phase == Phase.Done)
        {
            return false;
        }

        slot.Fraction = status.Fraction;
        switch (status.State)
        {
            case EvaluationTaskState.Done:
                slot.Phase = Phase.Done;
                return true;
            case EvaluationTaskState.Failed:
                Failure ??= $"task '{task}': {status.Error}";
                return false;
            default:
                slot.Phase = Phase.Started;
                return false;
        }
    }

    private enum Phase
    {
        Waiting,
        Started,
        Done,
    }

    private sealed class Slot(string name, int pairs)
    {
        public string Name { get; } = name;

        public int Pairs { get; } = pairs;

        public Phase Phase { get; set; }

        public double Fraction { get; set; }
    }
}
