using System.Globalization;
using System.Text;
using Similarity.Grains.Evaluation.Reports.Languages;
using Similarity.Grains.Evaluation.Reports.Tables;

namespace Similarity.Grains.Evaluation.Reports.Html;

/// <summary>
/// The report as one self-contained HTML page: the tables as HTML, and plots (gold-vs-predicted scatter per STS task,
/// the language matrix of multilingual suites, precision-recall curves per classification task) that an inline script
/// draws as SVG from an inline JSON document. Styles and script are inline and a content security policy forbids
/// every fetch, so the page works offline, as a CI artefact or an e-mail attachment.
/// </summary>
public static class HtmlReport
{
    /// <summary>The whole page.</summary>
    public static string Render(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var title = $"{report.Model} on {report.Suite} ({report.Split})";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Evaluation: ").Append(HtmlTable.Encode(title)).Append("</title>\n")
            .Append("<style>\n").Append(HtmlAssets.Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>Evaluation of <code>").Append(HtmlTable.Encode(report.Model)).Append("</code> on ")
            .Append(HtmlTable.Encode(report.Suite)).Append(" (").Append(HtmlTable.Encode(report.Split)).Append(")</h1>\n");
        WriteSummary(html, report);
        html.Append("</header>\n<main>\n");

        var keys = MetricTables.Keys(report);
        WriteAverages(html, report);
        WriteMatrixFigure(html, report, keys);
        WritePlotFigures(html, report);
        WriteTaskTables(html, report);

        html.Append("</main>\n<script type=\"application/json\" id=\"report-data\">").Append(HtmlPlotData.Serialize(report)).Append("</script>\n")
            .Append("<script>\n").Append(HtmlAssets.Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteSummary(StringBuilder html, EvaluationReport report)
    {
        var pairs = report.Tasks.Sum(t => (long)t.PairCount);
        html.Append("<dl class=\"summary\">")
            .Append("<dt>model</dt><dd>").Append(HtmlTable.Encode(report.Model)).Append("</dd>")
            .Append("<dt>suite</dt><dd>").Append(HtmlTable.Encode(report.Suite)).Append("</dd>")
            .Append("<dt>split</dt><dd>").Append(HtmlTable.Encode(report.Split)).Append("</dd>")
            .Append("<dt>tasks</dt><dd>").Append(report.Tasks.Count.ToString(CultureInfo.InvariantCulture)).Append("</dd>")
            .Append("<dt>pairs</dt><dd>").Append(pairs > 0 ? pairs.ToString(CultureInfo.InvariantCulture) : "-").Append("</dd>")
            .Append("<dt>averaging</dt><dd>").Append(EvaluationReportJson.AveragingName(report.Averaging)).Append("</dd>")
            .Append("</dl>\n<noscript><p>The plots need JavaScript; the tables do not.</p></noscript>\n");
    }

    private static void WriteAverages(StringBuilder html, EvaluationReport report)
    {
        var averages = ReportTables.Averages(report);
        if (averages.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"averages\">\n<h2>Averages</h2>\n");
        WriteTables(html, averages);
        html.Append("<p class=\"note\">").Append(HtmlTable.Encode(TaskAverager.Describe(report.Averaging))).Append("</p>\n</section>\n");
    }

    private static void WriteMatrixFigure(StringBuilder html, EvaluationReport report, IReadOnlyList<string> keys)
    {
        if (HeadlineMetric.Of(keys) is not { } headline || LanguageMatrix.TryBuild(report.Tasks, headline) is null)
        {
            return;
        }

        html.Append("<section id=\"languages\">\n<h2>By language pair</h2>\n")
            .Append("<figure class=\"plot\" data-plot=\"matrix\">\n<figcaption>Rows: the language of sentence 1; columns: the language of sentence 2. ")
            .Append("<label>Metric <select id=\"matrix-metric\"></select></label></figcaption>\n</figure>\n</section>\n");
    }

    private static void WritePlotFigures(StringBuilder html, EvaluationReport report)
    {
        if (!report.Tasks.Any(t => t.Scatter is not null || t.Curves.Count > 0))
        {
            return;
        }

        html.Append("<section id=\"plots\">\n<h2>Plots</h2>\n<div class=\"plots\">\n");
        for (var i = 0; i < report.Tasks.Count; i++)
        {
            var task = report.Tasks[i];
            if (task.Scatter is { } scatter)
            {
                var shown = scatter.Gold.Count < scatter.Total
                    ? string.Create(CultureInfo.InvariantCulture, $"{scatter.Gold.Count} of {scatter.Total} pairs")
                    : string.Create(CultureInfo.InvariantCulture, $"{scatter.Total} pairs");
                WriteFigure(html, "scatter", i, $"{task.Name}: gold against {scatter.Function} ({shown})");
            }

            if (task.Curves.Count > 0)
            {
                WriteFigure(html, "precision-recall", i, $"{task.Name}: precision against recall");
            }
        }

        html.Append("</div>\n</section>\n");
    }

    private static void WriteFigure(StringBuilder html, string plot, int task, string caption) =>
        html.Append("<figure class=\"plot\" data-plot=\"").Append(plot).Append("\" data-task=\"").Append(task.ToString(CultureInfo.InvariantCulture))
            .Append("\">\n<figcaption>").Append(HtmlTable.Encode(caption)).Append("</figcaption>\n</figure>\n");

    private static void WriteTaskTables(StringBuilder html, EvaluationReport report)
    {
        html.Append("<section id=\"metrics\">\n<h2>All metrics</h2>\n");
        WriteTables(html, ReportTables.Tasks(report));
        html.Append("</section>\n");
    }

    private static void WriteTables(StringBuilder html, IReadOnlyList<TitledTable> tables)
    {
        foreach (var (title, table) in tables)
        {
            if (title is not null)
            {
                html.Append("<h3>").Append(HtmlTable.Encode(title)).Append("</h3>\n");
            }

            HtmlTable.Write(html, table);
        }
    }
}
