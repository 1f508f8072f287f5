using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Evaluation.Reports;

namespace Similarity.Grains.Evaluation.Jobs;

/// <summary>A job's report between the form that crosses the cluster and the one the report writers take; nothing is recomputed.</summary>
public static class JobReportConversion
{
    public static EvaluationJobReport ToJobReport(this EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new EvaluationJobReport(report.Model, report.Suite, report.Split, report.Averaging, report.Tasks, report.Average);
    }

    /// <summary>The report, naming the model <paramref name="model"/> when given (a folder's name, where the job knows only the name it was served under).</summary>
    public static EvaluationReport ToEvaluationReport(this EvaluationJobReport report, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new EvaluationReport(model ?? report.Model, report.Suite, report.Split, report.Averaging, report.Tasks, report.Average);
    }
}
