using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Evaluation.Jobs.Scheduling;
using Similarity.Grains.Evaluation.Jobs.State;

namespace Similarity.Grains.Tests.Evaluation.Jobs;

public class TaskScheduleTests
{
    private static readonly EvaluationTaskStatus Done = new(EvaluationTaskState.Done, 0, 0);

    [Fact]
    public void At_most_the_maximum_number_of_tasks_are_started_in_order()
    {
        var schedule = new TaskSchedule(Tasks(("a", 10), ("b", 10), ("c", 10), ("d", 10)), maxRunning: 2);

        Assert.Equal(["a", "b"], schedule.Due());
        Assert.Equal(["a", "b"], schedule.Due());
    }

    [Fact]
    public void A_done_task_frees_its_place_for_the_next_waiting_one()
    {
        var schedule = new TaskSchedule(Tasks(("a", 10), ("b", 10), ("c", 10)), maxRunning: 2);
        schedule.Due();

        Assert.True(schedule.Observe("a", Done));

        Assert.Equal(["b", "c"], schedule.Due());
    }

    [Fact]
    public void A_task_whose_silo_did_not_answer_keeps_its_place_and_is_asked_again()
    {
        var schedule = new TaskSchedule(Tasks(("a", 10), ("b", 10), ("c", 10)), maxRunning: 2);

        schedule.Due();

        Assert.Equal(["a", "b"], schedule.Due());
    }

    [Fact]
    public void Tasks_the_record_shows_done_are_never_called_and_count_as_done()
    {
        var schedule = new TaskSchedule([Task("a", 10, done: true), Task("b", 30)], maxRunning: 4);

        Assert.Equal(["b"], schedule.Due());
        Assert.Equal((1, 2, 40L, 10L), (schedule.TasksDone, schedule.Count, schedule.Pairs, schedule.PairsEncoded));
    }

    [Fact]
    public void Pairs_encoded_count_done_tasks_whole_and_running_ones_by_their_share_of_inputs_encoded()
    {
        var schedule = new TaskSchedule(Tasks(("a", 100), ("b", 200), ("c", 400)), maxRunning: 3);
        schedule.Due();

        schedule.Observe("a", Done);
        schedule.Observe("b", new EvaluationTaskStatus(EvaluationTaskState.Running, 30, 120));
        schedule.Observe("c", new EvaluationTaskStatus(EvaluationTaskState.Running, 0, 0));

        Assert.Equal(100 + 50, schedule.PairsEncoded);
        Assert.Equal(1, schedule.TasksDone);
        Assert.False(schedule.IsComplete);
    }

    [Fact]
    public void The_job_is_complete_when_every_task_is_done_and_news_of_a_task_counts_once()
    {
        var schedule = new TaskSchedule(Tasks(("a", 1), ("b", 1)), maxRunning: 2);
        schedule.Due();

        Assert.True(schedule.Observe("a", Done));
        Assert.False(schedule.Observe("a", Done));
        schedule.Observe("b", Done);

        Assert.True(schedule.IsComplete);
        Assert.Equal(["a", "b"], schedule.DoneTasks);
        Assert.Empty(schedule.Due());
    }

    [Fact]
    public void A_failed_task_fails_the_job_naming_the_task_and_nothing_more_is_called()
    {
        var schedule = new TaskSchedule(Tasks(("a", 1), ("b", 1), ("c", 1)), maxRunning: 2);
        schedule.Due();

        schedule.Observe("b", new EvaluationTaskStatus(EvaluationTaskState.Failed, 0, 0, "no live silo serves the model 'x'"));

        Assert.Equal("task 'b': no live silo serves the model 'x'", schedule.Failure);
        Assert.False(schedule.IsComplete);
        Assert.Empty(schedule.Due());
    }

    [Fact]
    public void An_answer_from_a_task_of_another_job_is_refused()
    {
        var schedule = new TaskSchedule(Tasks(("a", 1)), maxRunning: 1);

        var error = Assert.Throws<ArgumentException>(() => schedule.Observe("z", Done));

        Assert.Contains("Task 'z' is not part of this job", error.Message);
    }

    private static EvaluationJobTask[] Tasks(params (string Name, int Pairs)[] tasks) => tasks.Select(t => Task(t.Name, t.Pairs)).ToArray();

    private static EvaluationJobTask Task(string name, int pairs, bool done = false) => new() { Name = name, Pairs = pairs, Done = done };
}
