using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.Jobs.State;
using Similarity.Silo.Tests.Cluster;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Evaluation;

/// <summary>
/// Task results and reports cross the wire and go through grain storage unchanged: metrics in their order (NaN kept),
/// plot data to the bit, whatever list types the evaluators built them with.
/// </summary>
public sealed class ResultSerializationTests
{
    private static readonly TaskResult Result = new(
        "en_de",
        1500,
        new OrderedDictionary<string, double> { ["spearman_cosine"] = 0.1 + 0.2, ["pearson_cosine"] = double.NaN, ["cosine_ap"] = -0.0, ["accuracy"] = 1e-300 },
        new ScoreScatter("cosine", 1500, [0.2, 0.4], [0.7f, -0.25]),
        [new PrecisionRecallCurve("cosine", [0.9, 0.5], [0.5, 1], [1, 2.0 / 3])]);

    [Fact]
    public void A_task_result_crosses_the_wire_unchanged()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

        var back = serializer.Deserialize<TaskResult>(serializer.SerializeToArray(Result));

        AssertSame(Result, Assert.IsType<TaskResult>(back));
    }

    [Fact]
    public void A_job_report_crosses_the_wire_with_its_tasks_and_average_in_order()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var report = new EvaluationJobReport("mini", "mstsb", "dev", TaskAveraging.FisherZ, [Result, Result with { Name = "en_en" }],
            new OrderedDictionary<string, double> { ["spearman_cosine"] = 0.25, ["pearson_cosine"] = 0.5 });

        var back = Assert.IsType<EvaluationJobReport>(serializer.Deserialize<EvaluationJobReport>(serializer.SerializeToArray(report)));

        Assert.Equal((report.Model, report.Suite, report.Split, report.Averaging), (back.Model, back.Suite, back.Split, back.Averaging));
        Assert.Equal(report.Average.ToArray(), back.Average.ToArray());
        AssertSame(report.Tasks[1], back.Tasks[1]);
    }

    [Fact]
    public async Task Task_and_job_state_go_through_the_silos_storage_serializer_unchanged()
    {
        await using var cluster = await ModelCluster.StartAsync([SiloSpec.Cpu("m", TestModelLoader.Register(new HashSentenceEncoder()))]);
        var storage = cluster.Service<IGrainStorageSerializer>(cluster.Silos[0]);
        var input = new EvaluationTaskInput { Name = "en_de", First = ["a", "b"], Second = ["c", "d"], Gold = [0.2, 1.0 / 3] };
        var work = new EvaluationTaskInputState { Work = new EvaluationTaskWork { Model = "mini", Device = DeviceClass.Gpu, Kind = SuiteKind.Similarity, Input = input, ShareEmbeddings = true } };
        var record = new EvaluationJobRecord
        {
            Model = "mini",
            Suite = "mstsb",
            Split = "dev",
            Averaging = TaskAveraging.FisherZ,
            Tasks = [new EvaluationJobTask { Name = "de_de", Pairs = 1500, Done = true }, new EvaluationJobTask { Name = "en_de", Pairs = 1500 }],
            State = EvaluationJobState.Failed,
            Error = "task 'en_de': no live silo serves the model 'mini'",
            SubmittedAt = DateTimeOffset.UnixEpoch,
        };

        var result = storage.Deserialize<EvaluationTaskResultState>(storage.Serialize(EvaluationTaskResultState.Of(Result)))!.ToResult();
        var storedWork = storage.Deserialize<EvaluationTaskInputState>(storage.Serialize(work))!.Work!;
        var storedRecord = storage.Deserialize<EvaluationJobRecord>(storage.Serialize(record))!;

        AssertSame(Result, result);
        Assert.Equal((work.Work.Model, work.Work.Device, work.Work.Kind, true), (storedWork.Model, storedWork.Device, storedWork.Kind, storedWork.ShareEmbeddings));
        Assert.Equal(input.Name, storedWork.Input.Name);
        Assert.Equal(input.First, storedWork.Input.First);
        Assert.Equal(input.Second, storedWork.Input.Second);
        Assert.Equal(Bits(input.Gold), Bits(storedWork.Input.Gold));
        Assert.Equal(record.Tasks.Select(t => (t.Name, t.Pairs, t.Done)), storedRecord.Tasks.Select(t => (t.Name, t.Pairs, t.Done)));
        Assert.Equal((record.State, record.Error, record.SubmittedAt, record.Averaging), (storedRecord.State, storedRecord.Error, storedRecord.SubmittedAt, storedRecord.Averaging));
    }

    private static void AssertSame(TaskResult expected, TaskResult actual)
    {
        Assert.Equal((expected.Name, expected.PairCount), (actual.Name, actual.PairCount));
        Assert.Equal(expected.Metrics.Keys, actual.Metrics.Keys);
        Assert.Equal(Bits(expected.Metrics.Values), Bits(actual.Metrics.Values));
        Assert.Equal((expected.Scatter!.Function, expected.Scatter.Total), (actual.Scatter!.Function, actual.Scatter.Total));
        Assert.Equal(Bits(expected.Scatter.Gold), Bits(actual.Scatter.Gold));
        Assert.Equal(Bits(expected.Scatter.Predicted), Bits(actual.Scatter.Predicted));
        var curve = Assert.Single(actual.Curves);
        Assert.Equal(expected.Curves[0].Function, curve.Function);
        Assert.Equal(Bits(expected.Curves[0].Threshold), Bits(curve.Threshold));
        Assert.Equal(Bits(expected.Curves[0].Recall), Bits(curve.Recall));
        Assert.Equal(Bits(expected.Curves[0].Precision), Bits(curve.Precision));
    }

    private static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
