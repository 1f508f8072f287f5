using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Jobs;

namespace Similarity.Grains.Tests.Evaluation.Jobs;

public class EvaluationJobRequestTests
{
    [Fact]
    public void A_well_formed_request_passes()
    {
        Request(SuiteKind.Classification, Task("mrpc", [1, 0, 1])).Validate();
    }

    [Fact]
    public void Pairs_and_gold_values_that_do_not_line_up_are_refused_naming_the_task()
    {
        var task = Task("en_de", [0.2, 0.4]) with { Second = ["only one"] };

        var error = Assert.Throws<InvalidRequestException>(() => Request(SuiteKind.Similarity, task).Validate());

        Assert.Equal(("tasks", "task 'en_de' has 2 first sentences, 1 second sentences and 2 gold values; they must match"), (error.Parameter, error.Message));
    }

    [Fact]
    public void A_label_other_than_0_or_1_is_refused_naming_the_pair()
    {
        var error = Assert.Throws<InvalidRequestException>(() => Request(SuiteKind.Classification, Task("mrpc", [1, 2])).Validate());

        Assert.Equal("pair 2 of task 'mrpc' has label 2; expected 0 or 1", error.Message);
    }

    [Fact]
    public void A_score_that_is_not_a_number_is_refused()
    {
        var error = Assert.Throws<InvalidRequestException>(() => Request(SuiteKind.Similarity, Task("stsb", [0.5, double.NaN])).Validate());

        Assert.Equal("pair 2 of task 'stsb' has a gold score that is not a finite number", error.Message);
    }

    [Fact]
    public void A_task_named_twice_is_refused()
    {
        var error = Assert.Throws<InvalidRequestException>(() => Request(SuiteKind.Similarity, Task("a", [0.1]), Task("a", [0.2])).Validate());

        Assert.Equal("task 'a' appears twice in stsb dev", error.Message);
    }

    [Fact]
    public void A_task_name_with_a_slash_is_refused_since_task_keys_are_job_slash_task()
    {
        var error = Assert.Throws<InvalidRequestException>(() => Request(SuiteKind.Similarity, Task("a/b", [0.1])).Validate());

        Assert.Contains("needs a name without '/'", error.Message);
    }

    [Fact]
    public void A_request_without_tasks_or_with_a_bad_model_name_is_refused()
    {
        Assert.Equal("the evaluation of stsb dev has no tasks", Assert.Throws<InvalidRequestException>(() => Request(SuiteKind.Similarity).Validate()).Message);
        var model = Assert.Throws<InvalidRequestException>(() => (Request(SuiteKind.Similarity, Task("a", [0.1])) with { Model = "a b" }).Validate());
        Assert.Equal("model", model.Parameter);
    }

    [Fact]
    public void Task_keys_are_the_job_id_and_the_task_name()
    {
        var id = EvaluationJobIds.New("sts12-16", "test");

        Assert.Matches("^sts12-16-test-[0-9a-f]{12}$", id);
        Assert.True(EvaluationJobIds.IsValid(id));
        Assert.Equal((id, "2015.images"), EvaluationJobIds.ParseTaskKey(EvaluationJobIds.TaskKey(id, "2015.images")));
        Assert.Throws<FormatException>(() => EvaluationJobIds.ParseTaskKey("no-task"));
    }

    private static EvaluationJobRequest Request(SuiteKind kind, params EvaluationTaskInput[] tasks) => new()
    {
        Model = "mini",
        Suite = "stsb",
        Split = "dev",
        Kind = kind,
        Tasks = tasks,
    };

    private static EvaluationTaskInput Task(string name, double[] gold) => new()
    {
        Name = name,
        First = gold.Select((_, i) => $"first {i}").ToArray(),
        Second = gold.Select((_, i) => $"second {i}").ToArray(),
        Gold = gold,
    };
}
