using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.Reports.Languages;

namespace Similarity.Grains.Tests.Evaluation.Reports;

public class LanguageMatrixTests
{
    [Fact]
    public void Rows_are_sentence_one_languages_and_columns_sentence_two_languages()
    {
        TaskResult[] tasks = [Task("de_de", 0.3), Task("en_de", 0.1), Task("en_en", 0.4), Task("es_es", double.NaN), Task("en_es", 0.2)];

        var matrix = LanguageMatrix.TryBuild(tasks, "spearman_cosine");

        Assert.NotNull(matrix);
        Assert.Equal(["de", "en", "es"], matrix.Languages);
        Assert.Equal<double?[]>(
        [
            0.3, null, null,
            0.1, 0.4, 0.2,
            null, null, double.NaN,
        ], matrix.Values.ToArray());
    }

    [Fact]
    public void A_suite_whose_tasks_are_not_all_language_pairs_has_no_matrix()
    {
        Assert.Null(LanguageMatrix.TryBuild([Task("en_de", 0.1), Task("stsb", 0.5)], "spearman_cosine"));
    }

    [Fact]
    public void Monolingual_tasks_alone_have_no_matrix()
    {
        Assert.Null(LanguageMatrix.TryBuild([Task("de_de", 0.1), Task("en_en", 0.5)], "spearman_cosine"));
    }

    private static TaskResult Task(string name, double spearman) =>
        TaskResult.MetricsOnly(name, new OrderedDictionary<string, double> { ["spearman_cosine"] = spearman });
}
