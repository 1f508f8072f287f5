using System.Net.Http.Json;
using System.Text.Json;
using Similarity.Inference.Tensors;
using Similarity.Silo.Tests.Cluster;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport.Servers;

namespace Similarity.Silo.Tests.Servers;

/// <summary>The HTTP API of a silo on RabbitMQ, serving a real model: requests reach whichever silos serve it.</summary>
[Collection(ClusterServersCollection.Name)]
public class HttpOnRabbitMqTests(ClusterServers servers)
{
    private readonly TestClusters _clusters = TestClusters.On(servers);

    [Fact]
    public async Task Embeddings_over_http_equal_in_process_results_in_float_and_base64_with_usage()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var cluster = await _clusters.StartAsync(model, http: true);
        using var http = new HttpClient { BaseAddress = cluster.Silos[0].HttpAddress };
        var texts = TestCorpus.Texts(40);

        using var floats = await http.PostAsJsonAsync("/v1/embeddings", new { model = "m", input = texts });
        using var base64 = await http.PostAsJsonAsync("/v1/embeddings", new { model = "m", input = texts, encoding_format = "base64" });

        var expected = model.Encode(texts);
        using var floatBody = JsonDocument.Parse(await floats.Content.ReadAsStringAsync());
        using var base64Body = JsonDocument.Parse(await base64.Content.ReadAsStringAsync());
        Reference.AssertClose(expected, FloatRows(floatBody));
        Reference.AssertClose(expected, Base64Rows(base64Body));
        var tokens = texts.Sum(t => model.Reference.Tokenizer.Encode(t).Length);
        Assert.Equal(tokens, floatBody.RootElement.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(tokens, base64Body.RootElement.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Fewer_dimensions_over_http_are_the_leading_values_renormalised()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var cluster = await _clusters.StartAsync(model, silos: 1, http: true);
        using var http = new HttpClient { BaseAddress = cluster.Silos[0].HttpAddress };
        var texts = TestCorpus.Texts(12);

        using var response = await http.PostAsJsonAsync("/v1/embeddings", new { model = "m", input = texts, dimensions = 8, encoding_format = "base64" });

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rows = Base64Rows(body);
        var full = model.Encode(texts);
        var expected = new EmbeddingMatrix(texts.Length, 8);
        for (var i = 0; i < texts.Length; i++)
        {
            var head = full.Row(i)[..8];
            var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(head));
            System.Numerics.Tensors.TensorPrimitives.Divide(head, norm, expected.Row(i));
        }

        Reference.AssertClose(expected, rows);
    }

    [Fact]
    public async Task An_unknown_model_over_http_is_a_404()
    {
        await using var cluster = await _clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1, http: true);
        using var http = new HttpClient { BaseAddress = cluster.Silos[0].HttpAddress };

        using var response = await http.PostAsJsonAsync("/v1/embeddings", new { model = "absent", input = "x" });

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("model_not_found", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    private static EmbeddingMatrix FloatRows(JsonDocument body) => EmbeddingMatrix.FromRows(
        body.RootElement.GetProperty("data").EnumerateArray()
            .Select(d => d.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray());

    private static EmbeddingMatrix Base64Rows(JsonDocument body) => EmbeddingMatrix.FromRows(
        body.RootElement.GetProperty("data").EnumerateArray()
            .Select(d => Convert.FromBase64String(d.GetProperty("embedding").GetString()!))
            .Select(bytes => Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToSingle(bytes, i * 4)).ToArray()).ToArray());
}
