using System.Net.Http.Json;
using System.Text.Json;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport.Servers;

namespace Similarity.Silo.Tests.Servers;

/// <summary>The HTTP API of a silo on RabbitMQ: requests reach whichever silos serve the model.</summary>
[Collection(ClusterServersCollection.Name)]
public class HttpOnRabbitMqTests(ClusterServers servers)
{
    [Fact]
    public async Task Embeddings_over_http_equal_in_process_results_in_float_and_base64()
    {
        var model = ClusterTestModel.Encoder();
        await using var cluster = await ServerClusters.StartAsync(servers, model, http: true);
        using var http = new HttpClient { BaseAddress = cluster.Silos[0].HttpAddress };
        var texts = TestCorpus.Texts(40);
        var expected = Reference.Encode(await model.LoadReferenceAsync(), texts);

        using var floats = await http.PostAsJsonAsync("/v1/embeddings", new { model = "m", input = texts });
        using var base64 = await http.PostAsJsonAsync("/v1/embeddings", new { model = "m", input = texts, encoding_format = "base64" });

        var floatRows = JsonDocument.Parse(await floats.Content.ReadAsStringAsync()).RootElement.GetProperty("data").EnumerateArray()
            .Select(d => d.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();
        var base64Rows = JsonDocument.Parse(await base64.Content.ReadAsStringAsync()).RootElement.GetProperty("data").EnumerateArray()
            .Select(d => Convert.FromBase64String(d.GetProperty("embedding").GetString()!))
            .Select(bytes => Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToSingle(bytes, i * 4)).ToArray()).ToArray();
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected.Row(i).ToArray(), floatRows[i]);
            Assert.Equal(expected.Row(i).ToArray(), base64Rows[i]);
        }
    }

    [Fact]
    public async Task An_unknown_model_over_http_is_a_404()
    {
        await using var cluster = await ServerClusters.StartAsync(servers, new HashSentenceEncoder(), silos: 1, http: true);
        using var http = new HttpClient { BaseAddress = cluster.Silos[0].HttpAddress };

        using var response = await http.PostAsJsonAsync("/v1/embeddings", new { model = "absent", input = "x" });

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("model_not_found", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());
    }
}
