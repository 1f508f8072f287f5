namespace Similarity.Grains.Evaluation.Jobs.Running;

/// <summary>The latest progress of a task's model calls, reported by the run (on any thread) and read by its grain.</summary>
internal sealed class TaskProgress : IProgress<EvaluationProgress>
{
    private readonly Lock _gate = new();
    private EvaluationProgress _latest;

    public EvaluationProgress Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    public void Report(EvaluationProgress value)
    {
        lock (_gate)
        {
            _latest = value;
        }
    }
}
