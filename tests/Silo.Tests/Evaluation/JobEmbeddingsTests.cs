using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Encoders;
using Similarity.Silo.Tests.Cluster;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Evaluation;

/// <summary>
/// A job's shared embeddings on a silo: tasks asking for overlapping sentences at the same time have each sentence encoded
/// once, get the rows the model gives, and a failed encoding is not remembered.
/// </summary>
public sealed class JobEmbeddingsTests
{
    [Fact]
    public async Task Overlapping_requests_encode_each_sentence_once_and_get_the_models_rows()
    {
        var model = new HashSentenceEncoder { Gate = new TaskCompletionSource() };
        var counted = new CountingEncoder(model);
        await using var cluster = await ModelCluster.StartAsync([SiloSpec.Cpu("m", TestModelLoader.Register(counted))]);
        var embeddings = cluster.Client.GetGrain<IJobEmbeddingsGrain>("stsb-dev-shared");

        var first = embeddings.EncodeAsync("m", DeviceClass.Cpu, ["a", "b", "c"]);
        await Poll.UntilAsync(() => model.Calls > 0);
        var second = embeddings.EncodeAsync("m", DeviceClass.Cpu, ["c", "d", "b"]);
        await Poll.UntilAsync(() => model.Calls > 1);
        model.Gate.SetResult();
        var rows = await Task.WhenAll(first, second);

        Assert.Equal(4, counted.Texts);
        Reference.AssertSame(Reference.Encode(new HashSentenceEncoder(), ["a", "b", "c"]), rows[0].ToEmbeddingMatrix());
        Reference.AssertSame(Reference.Encode(new HashSentenceEncoder(), ["c", "d", "b"]), rows[1].ToEmbeddingMatrix());
    }

    [Fact]
    public async Task Sentences_whose_encoding_failed_are_encoded_again_by_the_next_request()
    {
        var counted = new CountingEncoder(new HashSentenceEncoder { Poison = "poison" });
        await using var cluster = await ModelCluster.StartAsync([SiloSpec.Cpu("m", TestModelLoader.Register(counted))]);
        var embeddings = cluster.Client.GetGrain<IJobEmbeddingsGrain>("stsb-dev-failed");

        await Assert.ThrowsAnyAsync<Exception>(() => embeddings.EncodeAsync("m", DeviceClass.Cpu, ["x", "poison"]));
        var rows = await embeddings.EncodeAsync("m", DeviceClass.Cpu, ["x"]);

        Assert.Equal(3, counted.Texts);
        Reference.AssertSame(Reference.Encode(new HashSentenceEncoder(), ["x"]), rows.ToEmbeddingMatrix());
    }
}
