using Similarity.Grains.Evaluation.Reports;
using Similarity.Grains.Evaluation.Reports.Html;
using Similarity.Grains.Evaluation.Reports.Markdown;
using Similarity.TestSupport;

namespace Similarity.Grains.Tests.Evaluation.Reports;

public class ReportFolderTests
{
    [Fact]
    public async Task Writes_the_json_markdown_and_html_reports_into_a_new_nested_folder()
    {
        using var scratch = new ScratchFolder();
        var folder = scratch.File("runs", "mstsb");
        var report = SampleReports.Multilingual();

        var paths = await ReportFolder.WriteAsync(folder, report);

        Assert.Equal(["report.json", "report.md", "report.html"], paths.Select(Path.GetFileName));
        Assert.Equal(EvaluationReportJson.Document(report), await File.ReadAllTextAsync(Path.Combine(folder, "report.json")));
        Assert.Equal(MarkdownReport.Render(report), await File.ReadAllTextAsync(Path.Combine(folder, "report.md")));
        Assert.Equal(HtmlReport.Render(report), await File.ReadAllTextAsync(Path.Combine(folder, "report.html")));
        Assert.Equal(3, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public async Task Rewriting_replaces_an_earlier_report()
    {
        using var scratch = new ScratchFolder();
        await ReportFolder.WriteAsync(scratch.Path, SampleReports.Classification());

        await ReportFolder.WriteAsync(scratch.Path, SampleReports.Multilingual());

        Assert.Equal("mstsb", EvaluationReportJson.Deserialize(await File.ReadAllTextAsync(scratch.File("report.json"))).Suite);
        Assert.Equal(3, Directory.GetFiles(scratch.Path).Length);
    }

    [Fact]
    public void A_folder_path_that_is_a_file_is_named()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("taken", "not a folder");

        var error = Assert.Throws<IOException>(() => ReportFolder.Prepare(file));

        Assert.Equal($"report folder '{file}' is a file; give a folder for report.json, report.md and report.html", error.Message);
    }
}
