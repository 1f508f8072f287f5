using System.Globalization;
using System.Text.Json;
using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.Plots;
using Similarity.Grains.Evaluation.Reports;
using Similarity.Grains.Evaluation.Reports.Html;
using Similarity.TestSupport;

namespace Similarity.Browser.Tests;

/// <summary>
/// Opens the HTML reports <c>simctl eval --report-dir</c> writes in real headless Chromium and checks that the inline
/// script drew every plot (points, cells, curves as SVG elements) without a script or console error, and that the page
/// asked for nothing but itself.
/// </summary>
public class HtmlReportInChromiumTests(Chromium chromium, EvaluatedReports reports) : IClassFixture<Chromium>, IClassFixture<EvaluatedReports>
{
    [Fact]
    public async Task An_sts_report_draws_a_scatter_of_the_sampled_pairs_inside_its_axes()
    {
        var folder = await reports.FolderAsync("bert-mean", "stsb", "train");

        await using var page = await OpenAsync(folder);

        Assert.Equal(1, await page.CountAsync("figure[data-plot=scatter] svg.scatter"));
        Assert.Equal(2000, await page.CountAsync("svg.scatter circle.point"));
        Assert.Equal("stsb: gold against cosine (2000 of 5749 pairs)", await page.Page.InnerTextAsync("figure[data-plot=scatter] figcaption"));
        Assert.True(await page.Page.EvaluateAsync<bool>(
            """
            () => [...document.querySelectorAll('svg.scatter circle.point')].every(c =>
                +c.getAttribute('cx') >= 50 && +c.getAttribute('cx') <= 318 && +c.getAttribute('cy') >= 10 && +c.getAttribute('cy') <= 250)
            """), "a point lies outside the plot area");
        Assert.Equal(0, await page.CountAsync("svg.matrix, svg.precision-recall"));
        Assert.Equal(1, await page.CountAsync("#metrics tbody tr"));
        AssertCleanLoad(page);
    }

    [Fact]
    public async Task A_multilingual_report_draws_the_language_matrix_and_a_scatter_per_task()
    {
        var folder = await reports.FolderAsync("multilingual-mean", "mstsb", "dev");
        var tasks = ReadJson(folder).GetProperty("tasks");

        await using var page = await OpenAsync(folder);

        Assert.Equal(21, await page.CountAsync("svg.matrix rect.cell"));
        Assert.Equal(21, await page.CountAsync("svg.scatter"));
        Assert.Equal(21 * 1500, await page.CountAsync("svg.scatter circle.point"));
        Assert.Equal($"en_de spearman_cosine {Format(tasks, "en_de", "spearman_cosine")}", await CellTitleAsync(page, "en_de"));

        await page.Page.SelectOptionAsync("#matrix-metric", "pearson_euclidean");

        Assert.Equal(21, await page.CountAsync("svg.matrix rect.cell"));
        Assert.Equal($"en_de pearson_euclidean {Format(tasks, "en_de", "pearson_euclidean")}", await CellTitleAsync(page, "en_de"));
        Assert.Equal(8, await page.CountAsync("#matrix-metric option"));
        AssertCleanLoad(page);
    }

    [Fact]
    public async Task A_pair_classification_report_draws_a_bounded_precision_recall_curve_per_function()
    {
        var folder = await reports.FolderAsync("bert-dense-tanh", "mrpc", "train");
        var tasks = ReadJson(folder).GetProperty("tasks");

        await using var page = await OpenAsync(folder);

        var functions = await page.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('svg.precision-recall path.curve')].map(p => p.dataset.function)");
        Assert.Equal(["cosine", "dot", "manhattan", "euclidean"], functions);
        var points = await page.Page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('svg.precision-recall path.curve')].map(p => p.getAttribute('d').split(/[ML]/).length - 1)");
        Assert.All(points, n => Assert.InRange(n, 2, PrecisionRecallSweep.DefaultMaxPoints));
        Assert.Equal(1, await page.CountAsync("svg.precision-recall line.baseline"));
        var legend = await page.Page.InnerTextAsync("ul.legend");
        Assert.Contains($"cosine (AP {Format(tasks, "mrpc", "cosine_ap")})", legend);
        Assert.Contains($"euclidean (AP {Format(tasks, "mrpc", "euclidean_ap")})", legend);
        Assert.Equal(0, await page.CountAsync("svg.scatter, svg.matrix"));
        AssertCleanLoad(page);
    }

    [Fact]
    public async Task A_cross_encoder_report_draws_the_curve_of_its_class_one_probability()
    {
        var folder = await reports.FolderAsync("albert-cross-encoder", "mrpc", "train");
        var tasks = ReadJson(folder).GetProperty("tasks");

        await using var page = await OpenAsync(folder);

        Assert.Equal(1, await page.CountAsync("svg.precision-recall path.curve[data-function=probability]"));
        Assert.Equal($"probability (AP {Format(tasks, "mrpc", "ap")})", await page.Page.InnerTextAsync("ul.legend"));
        AssertCleanLoad(page);
    }

    [Fact]
    public async Task Undefined_metrics_a_task_without_positives_and_hostile_names_render_without_errors()
    {
        const string hostile = "<img src=x onerror=alert(1)></script><script>alert(2)</script>";
        var report = EvaluationReport.Create(hostile, "mstsb", "test", TaskAveraging.FisherZ,
        [
            new TaskResult("de_de", 2, Metrics(0.5), ScatterSampler.Sample("cosine", [0.2, 0.8], [0.3, 0.9]), []),
            new TaskResult("en_de", 2, Metrics(double.NaN), ScatterSampler.Sample("cosine", [0.4, 0.4], [0.1, 0.1]), []),
            new TaskResult("en_en", 2, Metrics(0.9), null, [PrecisionRecallSweep.Compute("cosine", [0.1, 0.2], [0, 0])]),
        ]);
        using var scratch = new ScratchFolder();
        var path = scratch.Write("report.html", HtmlReport.Render(report));

        await using var page = await OpenAsync(Path.GetDirectoryName(path)!);

        Assert.Equal(hostile, await page.Page.InnerTextAsync("h1 code"));
        Assert.Equal("NaN", await page.Page.TextContentAsync("svg.matrix g.matrix-cell:nth-of-type(2) text.cell-value"));
        Assert.Equal(2, await page.CountAsync("svg.scatter"));
        Assert.Equal(0, await page.CountAsync("svg.precision-recall path.curve"));
        Assert.Contains("no positive pairs", await page.Page.InnerTextAsync("ul.legend"));
        AssertCleanLoad(page);
    }

    private async Task<OpenedReport> OpenAsync(string folder) => await OpenedReport.OpenAsync(chromium, Path.Combine(folder, ReportFolder.HtmlFile));

    private static void AssertCleanLoad(OpenedReport page)
    {
        Assert.Empty(page.Errors);
        Assert.Equal([page.Url], page.Requests);
    }

    private static Task<string> CellTitleAsync(OpenedReport page, string task) =>
        page.Page.EvaluateAsync<string>(
            "name => [...document.querySelectorAll('svg.matrix g.matrix-cell title')].map(t => t.textContent).find(t => t.startsWith(name + ' '))",
            task);

    private static JsonElement ReadJson(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ReportFolder.JsonFile))).RootElement;

    private static string Format(JsonElement tasks, string task, string metric) =>
        tasks.GetProperty(task).GetProperty(metric).GetDouble().ToString("0.0000", CultureInfo.InvariantCulture);

    private static OrderedDictionary<string, double> Metrics(double spearman) => new() { ["spearman_cosine"] = spearman };
}
