using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Similarity.Silo.Hosting;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Http;

/// <summary>
/// The OpenAI-style HTTP API of a silo, over real HTTP on loopback, in a development cluster of two silos built as
/// <c>simctl silo</c> builds them: the first serves the real bert-mean fixture as "mini" and a double whose batcher is
/// full as "full"; the second serves only "other", so its HTTP API shows requests forwarded to the silo with the model.
/// </summary>
public sealed class EmbeddingsApiTests(EmbeddingsApiTests.TwoSilos silos) : IClassFixture<EmbeddingsApiTests.TwoSilos>
{
    private readonly ClusterTestModel _model = ClusterTestModel.BiEncoder;
    private readonly HttpClient _http = silos.Http;
    private readonly HttpClient _otherHttp = silos.OtherHttp;

    [Fact]
    public async Task Float_embeddings_come_back_in_openai_shape_in_input_order()
    {
        string[] texts = ["first", "second", "drei"];

        using var response = await PostAsync(new { model = "mini", input = texts });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal(("list", "mini"), (root.GetProperty("object").GetString(), root.GetProperty("model").GetString()));
        var data = root.GetProperty("data").EnumerateArray().ToArray();
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(("embedding", i), (data[i].GetProperty("object").GetString(), data[i].GetProperty("index").GetInt32()));
        }

        Reference.AssertClose(_model.Encode(texts), Rows(data.Select(d => d.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray())));
    }

    [Fact]
    public async Task Usage_counts_the_tokens_the_model_read()
    {
        string[] texts = ["first", "a longer second text, with punctuation", ""];

        using var response = await PostAsync(new { model = "mini", input = texts, dimensions = 4 });

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var usage = body.RootElement.GetProperty("usage");
        var tokens = texts.Sum(t => _model.Reference.Tokenizer.Encode(t).Length);
        Assert.Equal((tokens, tokens), (usage.GetProperty("prompt_tokens").GetInt32(), usage.GetProperty("total_tokens").GetInt32()));
    }

    [Fact]
    public async Task A_single_string_input_gives_one_embedding()
    {
        using var response = await PostAsync(new { model = "mini", input = "just one" });

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Single(body.RootElement.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Base64_embeddings_are_little_endian_float32_bytes()
    {
        using var response = await PostAsync(new { model = "mini", input = new[] { "encode me" }, encoding_format = "base64" });

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var bytes = Convert.FromBase64String(body.RootElement.GetProperty("data")[0].GetProperty("embedding").GetString()!);
        var floats = Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToSingle(bytes, i * 4)).ToArray();
        Assert.True(BitConverter.IsLittleEndian);
        Reference.AssertClose(_model.Encode(["encode me"]), Rows([floats]));
    }

    [Fact]
    public async Task Dimensions_truncates_and_renormalises_like_openai()
    {
        using var response = await PostAsync(new { model = "mini", input = "short", dimensions = 3 });

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var vector = body.RootElement.GetProperty("data")[0].GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        var head = _model.Encode(["short"]).Row(0)[..3].ToArray();
        var norm = MathF.Sqrt(head.Sum(v => v * v));
        Assert.Equal(3, vector.Length);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(head[i] / norm, vector[i], 1e-6f);
        }
    }

    [Fact]
    public async Task More_dimensions_than_the_model_has_is_a_400_naming_the_parameter()
    {
        using var response = await PostAsync(new { model = "mini", input = "x", dimensions = 33 });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request_error", "dimensions");
    }

    [Fact]
    public async Task An_unknown_model_is_a_404_in_openai_error_shape()
    {
        using var response = await PostAsync(new { model = "nope", input = "x" });

        var error = await AssertErrorAsync(response, HttpStatusCode.NotFound, "invalid_request_error", "model");
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
        Assert.Contains("'nope'", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_missing_input_is_a_400_naming_input()
    {
        using var response = await PostAsync(new { model = "mini" });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request_error", "input");
    }

    [Fact]
    public async Task Token_arrays_are_a_400_naming_input()
    {
        using var response = await PostAsync(new { model = "mini", input = new[] { new[] { 101, 102 } } });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request_error", "input");
    }

    [Fact]
    public async Task An_unknown_encoding_format_is_a_400_naming_it()
    {
        using var response = await PostAsync(new { model = "mini", input = "x", encoding_format = "int8" });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request_error", "encoding_format");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400()
    {
        using var response = await PostRawAsync("{\"model\": \"mini\", "u8.ToArray());

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request_error", null);
    }

    [Fact]
    public async Task Invalid_utf8_in_the_body_is_a_400()
    {
        byte[] body = [.. "{\"model\": \"mini\", \"input\": \"bad "u8, 0xC3, 0x28, .. "\"}"u8];

        using var response = await PostRawAsync(body);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request_error", null);
        Assert.Contains("UTF-8", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_model_whose_batcher_queue_is_full_is_a_429()
    {
        using var response = await PostAsync(new { model = "full", input = "x" });

        var error = await AssertErrorAsync(response, (HttpStatusCode)429, "rate_limit_error", null);
        Assert.Equal("overloaded", error.GetProperty("code").GetString());
        Assert.Contains("model 'full' is overloaded", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_silo_without_the_model_forwards_the_request_to_a_silo_serving_it()
    {
        using var response = await PostAsync(new { model = "mini", input = new[] { "forwarded" } }, _otherHttp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var vector = body.RootElement.GetProperty("data")[0].GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        Reference.AssertClose(_model.Encode(["forwarded"]), Rows([vector]));
    }

    [Fact]
    public async Task Errors_are_problem_details_carrying_the_openai_error()
    {
        using var response = await PostAsync(new { model = "nope", input = "x" });

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal((404, "Model not served"), (root.GetProperty("status").GetInt32(), root.GetProperty("title").GetString()));
        Assert.Equal(root.GetProperty("detail").GetString(), root.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Health_and_readiness_answer_200_once_the_silo_serves()
    {
        using var live = await _http.GetAsync("/healthz");
        using var ready = await _http.GetAsync("/readyz");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (live.StatusCode, ready.StatusCode));
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_with_worker_http_and_orleans_series()
    {
        (await PostAsync(new { model = "mini", input = new[] { "a", "b" } })).Dispose();

        // Counters move after the response is written, and scrapes are cached briefly: wait for this request's counts.
        var text = await MetricsAsync(series => HasSample(series, "similarity_worker_items_total", atLeast: 2));

        Assert.Matches("similarity_worker_requests_total\\{[^}]*outcome=\"ok\"[^}]*\\} [1-9]", text);
        Assert.True(Sample(text, "similarity_worker_items_total") >= 2, "items counted");
        Assert.Contains("# TYPE similarity_worker_duration_seconds histogram", text);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
        Assert.Matches("\n(orleans_|dotnet_)[a-z_]+", text);
    }

    [Fact]
    public async Task Metrics_include_the_batcher_of_each_real_model()
    {
        (await PostAsync(new { model = "mini", input = new[] { "a", "bb bb", "ccc ccc ccc" } })).Dispose();

        var text = await MetricsAsync(series => HasSample(series, "similarity_batcher_batches_total", atLeast: 1));

        Assert.True(Sample(text, "similarity_batcher_batches_total") >= 1, "batches run");
        Assert.True(Sample(text, "similarity_batcher_tokens_total") >= 3, "tokens read");
        Assert.True(
            Sample(text, "similarity_batcher_padded_tokens_total") >= Sample(text, "similarity_batcher_tokens_total"),
            "padded tokens include the real ones");
        Assert.Contains("# TYPE similarity_batcher_inference_time_seconds_total counter", text);
    }

    [Fact]
    public async Task The_orleans_dashboard_is_served_under_dashboard()
    {
        using var response = await _http.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The scrape once <paramref name="ready"/> holds (the exporter caches a scrape for a moment).</summary>
    private async Task<string> MetricsAsync(Func<string, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var response = await _http.GetAsync("/metrics");
            var text = await response.Content.ReadAsStringAsync();
            if (ready(text) || DateTime.UtcNow > deadline)
            {
                Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
                return text;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The value of <paramref name="series"/> for model "mini" in Prometheus text.</summary>
    private static double Sample(string text, string series)
    {
        var match = MiniSample(text, series);
        Assert.True(match.Success, $"no {series} sample for mini in:\n{text}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Whether <paramref name="series"/> for model "mini" has reached <paramref name="atLeast"/>.</summary>
    private static bool HasSample(string text, string series, double atLeast)
    {
        var match = MiniSample(text, series);
        return match.Success && double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) >= atLeast;
    }

    private static Match MiniSample(string text, string series) =>
        Regex.Match(text, Regex.Escape(series) + "\\{[^}]*model=\"mini\"[^}]*\\} (\\S+)");

    private static Similarity.Inference.Tensors.EmbeddingMatrix Rows(IEnumerable<float[]> rows) =>
        Similarity.Inference.Tensors.EmbeddingMatrix.FromRows(rows.ToArray());

    private Task<HttpResponseMessage> PostAsync(object body, HttpClient? http = null) =>
        PostRawAsync(JsonSerializer.SerializeToUtf8Bytes(body), http);

    private Task<HttpResponseMessage> PostRawAsync(byte[] body, HttpClient? http = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return (http ?? _http).PostAsync("/v1/embeddings", content);
    }

    private static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string type, string? param)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
        Assert.Equal(type, error.GetProperty("type").GetString());
        if (param is not null)
        {
            Assert.Equal(param, error.GetProperty("param").GetString());
        }

        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        return error.Clone();
    }

    /// <summary>The two silos, started once for the class.</summary>
    public sealed class TwoSilos : IAsyncLifetime
    {
        private DevelopmentCluster _cluster = null!;

        /// <summary>The first silo's API (it serves "mini" and "full").</summary>
        public HttpClient Http { get; private set; } = null!;

        /// <summary>The second silo's API (it serves only "other").</summary>
        public HttpClient OtherHttp { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var full = TestModelLoader.Register(new FullQueueEncoder());
            var other = TestModelLoader.Register(new HashSentenceEncoder());
            _cluster = await DevelopmentCluster.StartAsync(
                2,
                (index, silo) =>
                {
                    silo.Http = "127.0.0.1:0";
                    if (index == 0)
                    {
                        (silo.Models["mini"], silo.Models["full"]) = (ClusterTestModel.BiEncoder.Folder, full);
                    }
                    else
                    {
                        silo.Models["other"] = other;
                    }
                },
                new TestModelLoader());
            Http = new HttpClient { BaseAddress = _cluster.Silos[0].Settings.Http!.Published };
            OtherHttp = new HttpClient { BaseAddress = _cluster.Silos[1].Settings.Http!.Published };
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            OtherHttp.Dispose();
            await _cluster.DisposeAsync();
        }
    }
}
