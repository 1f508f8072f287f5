using System.Text.Json;
using System.Text.RegularExpressions;
using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Evaluation.Reports;
using Similarity.Grains.Evaluation.Reports.Html;

namespace Similarity.Grains.Tests.Evaluation.Reports;

/// <summary>The page's static structure; that its script draws the plots is checked in real Chromium (Browser.Tests).</summary>
public class HtmlReportTests
{
    [Fact]
    public void The_page_loads_nothing_and_forbids_loading_anything()
    {
        var html = HtmlReport.Render(SampleReports.Multilingual());

        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';", html);
        Assert.DoesNotMatch(new Regex(@"\s(src|href)\s*=|@import|url\(", RegexOptions.IgnoreCase), html);
        Assert.Single(Regex.Matches(html, "<style>"));
        Assert.Equal(2, Regex.Matches(html, "<script").Count);
    }

    [Fact]
    public void The_plot_data_holds_each_tasks_scatter_and_the_matrix_of_every_correlation_metric()
    {
        var report = SampleReports.Multilingual();

        using var data = PlotData(HtmlReport.Render(report));

        var tasks = data.RootElement.GetProperty("tasks");
        Assert.Equal(["de_de", "en_de", "en_en"], tasks.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([0.1, 0.6, 0.7], tasks[0].GetProperty("scatter").GetProperty("predicted").EnumerateArray().Select(v => v.GetDouble()));
        var matrix = data.RootElement.GetProperty("matrix");
        Assert.Equal("spearman_cosine", matrix.GetProperty("default").GetString());
        Assert.Equal(["de", "en"], matrix.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        var spearman = matrix.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "spearman_cosine");
        Assert.Equal(
            ["[0,0,0.7]", "[1,0,null]", "[1,1,0.85]"],
            spearman.GetProperty("cells").EnumerateArray().Select(c => c.GetRawText()));
    }

    [Fact]
    public void Each_sts_task_gets_a_scatter_figure_and_each_classification_task_a_precision_recall_figure()
    {
        var sts = HtmlReport.Render(SampleReports.Multilingual());
        var classification = HtmlReport.Render(SampleReports.Classification());

        Assert.Equal(3, Regex.Matches(sts, "<figure class=\"plot\" data-plot=\"scatter\"").Count);
        Assert.Single(Regex.Matches(sts, "<figure class=\"plot\" data-plot=\"matrix\""));
        Assert.Single(Regex.Matches(classification, "<figure class=\"plot\" data-plot=\"precision-recall\" data-task=\"0\""));
        Assert.DoesNotContain("<figure class=\"plot\" data-plot=\"matrix\"", classification);
        using var data = PlotData(classification);
        var curves = data.RootElement.GetProperty("tasks")[0].GetProperty("curves");
        Assert.Equal(["cosine", "dot", "manhattan", "euclidean"], curves.EnumerateArray().Select(c => c.GetProperty("function").GetString()));
        Assert.Equal(0.7, curves[0].GetProperty("ap").GetDouble());
    }

    [Fact]
    public void Names_cannot_inject_markup_or_script()
    {
        const string hostile = "</script><script>alert(1)</script><b>";
        var report = EvaluationReport.Create(hostile, "stsb", "dev", TaskAveraging.Mean, [SampleReports.Sts(hostile, 0.5, 0.5)]);

        var html = HtmlReport.Render(report);

        Assert.Equal(2, Regex.Matches(html, "<script").Count);
        Assert.DoesNotContain("<b>", html);
        using var data = PlotData(html);
        Assert.Equal(hostile, data.RootElement.GetProperty("tasks")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void The_metrics_table_shows_four_decimals_with_the_exact_value_in_the_title()
    {
        var html = HtmlReport.Render(SampleReports.Multilingual());

        Assert.Contains("<tr><th scope=\"row\">en_de</th><td title=\"0.5\">0.5000</td><td>NaN</td></tr>", html);
    }

    private static JsonDocument PlotData(string html)
    {
        var match = Regex.Match(html, "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(match.Success, "the page has no report-data script");
        return JsonDocument.Parse(match.Groups[1].Value);
    }
}
