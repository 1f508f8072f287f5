using Similarity.Grains.Contracts.Evaluation.Results;

namespace Similarity.Grains.Evaluation.Jobs.State;

/// <summary>What a task grain persists when done, in a row of its own: its result as plain arrays (<see cref="TaskResultSurrogate"/>).</summary>
[GenerateSerializer]
public sealed class EvaluationTaskResultState
{
    private static readonly TaskResultSurrogateConverter Converter = new();

    [Id(0)]
    public TaskResultSurrogate Result { get; set; }

    public TaskResult ToResult() => Converter.ConvertFromSurrogate(Result);

    public static EvaluationTaskResultState Of(TaskResult result) => new() { Result = Converter.ConvertToSurrogate(result) };
}
