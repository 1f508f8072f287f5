using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Datasets;
using Similarity.Grains.Datasets.Suites;
using Similarity.Grains.Evaluation.Jobs.Running;
using Similarity.TestSupport;

namespace Similarity.Grains.Tests.Evaluation.Jobs;

public class PairTaskDataTests
{
    [Fact]
    public void A_suite_becomes_a_request_with_one_input_per_task_and_its_report_settings()
    {
        var suite = SuiteCatalog.Default.Find("mstsb").Load(SharedFolder.Data, "dev");

        var request = PairTaskData.Request(suite, "mini", DeviceClass.Gpu);

        Assert.Equal(("mini", DeviceClass.Gpu, "mstsb", "dev", SuiteKind.Similarity, TaskAveraging.FisherZ),
            (request.Model, request.Device, request.Suite, request.Split, request.Kind, request.Averaging));
        Assert.Equal(suite.Tasks.Select(t => (t.Name, t.Count)), request.Tasks.Select(t => (t.Name, t.PairCount)));
        request.Validate();
    }

    [Fact]
    public void A_similarity_task_comes_back_with_the_same_sentences_and_scores_to_the_bit()
    {
        var task = (SimilarityTask)SuiteCatalog.Default.Find("stsb").Load(SharedFolder.Data, "dev").Tasks[0];

        var back = (SimilarityTask)PairTaskData.Task(SuiteKind.Similarity, PairTaskData.Input(task));

        Assert.Equal(task.Name, back.Name);
        Assert.Equal(task.First, back.First);
        Assert.Equal(task.Second, back.Second);
        Assert.Equal(task.Scores.Select(BitConverter.DoubleToInt64Bits), back.Scores.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_classification_task_comes_back_with_its_labels()
    {
        var task = (ClassificationTask)SuiteCatalog.Default.Find("mrpc").Load(SharedFolder.Data, "train").Tasks[0];

        var back = (ClassificationTask)PairTaskData.Task(SuiteKind.Classification, PairTaskData.Input(task));

        Assert.Equal(task.Labels, back.Labels);
        Assert.Equal(task.First, back.First);
        Assert.Equal(task.Second, back.Second);
    }

    [Theory]
    [InlineData("mstsb", "dev", true)]
    [InlineData("stsb", "dev", false)]
    public void Tasks_share_embeddings_only_when_a_sentence_is_in_more_than_one_task(string suite, string split, bool shared)
    {
        var request = PairTaskData.Request(SuiteCatalog.Default.Find(suite).Load(SharedFolder.Data, split), "mini", DeviceClass.Cpu);

        Assert.Equal(shared, SentenceSharing.Pays(request));
    }
}
