using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Datasets;
using Similarity.Grains.Datasets.Suites;

namespace Similarity.Grains.Evaluation.Jobs.Running;

/// <summary>
/// Suites as the data a job carries, and back: a client turns the suite it read into a request, a task grain turns its
/// input back into the task the evaluators take. Gold values pass unchanged (scores already on 0-1, labels as 0 and 1).
/// </summary>
public static class PairTaskData
{
    /// <summary>The request evaluating <paramref name="model"/> on <paramref name="device"/> silos on <paramref name="suite"/>, one input per task.</summary>
    public static EvaluationJobRequest Request(LoadedSuite suite, string model, DeviceClass device)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return new EvaluationJobRequest
        {
            Model = model,
            Device = device,
            Suite = suite.Suite,
            Split = suite.Split,
            Kind = suite.Kind,
            Averaging = suite.Averaging,
            Tasks = suite.Tasks.Select(Input).ToArray(),
        };
    }

    /// <summary>The pairs and gold values of <paramref name="task"/>.</summary>
    public static EvaluationTaskInput Input(PairTask task) => new()
    {
        Name = task.Name,
        First = [.. task.First],
        Second = [.. task.Second],
        Gold = task switch
        {
            SimilarityTask similarity => [.. similarity.Scores],
            ClassificationTask classification => classification.Labels.Select(label => (double)label).ToArray(),
            _ => throw new ArgumentException($"Task '{task.Name}' is neither a similarity nor a classification task.", nameof(task)),
        },
    };

    /// <summary>The task <paramref name="input"/> describes, of <paramref name="kind"/>.</summary>
    public static PairTask Task(SuiteKind kind, EvaluationTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return kind == SuiteKind.Similarity
            ? new SimilarityTask(input.Name, input.First, input.Second, input.Gold)
            : new ClassificationTask(input.Name, input.First, input.Second, input.Gold.Select(gold => (int)gold).ToArray());
    }
}
