using Similarity.Grains.Contracts.Evaluation;

namespace Similarity.Grains.Datasets.Suites;

/// <summary>Reads one pair file into a task of the suite's kind, normalising scores to 0–1.</summary>
internal static class TaskFile
{
    public static PairTask Load(string name, string path, SuiteKind kind, ScoreScale scale)
    {
        var display = SuiteFolder.DisplayName(path);
        var rows = kind == SuiteKind.Classification
            ? PairFileReader.Read(path, display, GoldColumn.Label)
            : PairFileReader.Read(path, display, GoldColumn.Score, scale);
        return FromRows(name, rows.ToList(), kind, scale, display);
    }

    public static PairTask FromRows(string name, IReadOnlyList<PairRow> rows, SuiteKind kind, ScoreScale scale, string display)
    {
        if (rows.Count == 0)
        {
            throw new DatasetFormatException(display, 0, "has a header but no data rows");
        }

        var first = new string[rows.Count];
        var second = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            first[i] = rows[i].First;
            second[i] = rows[i].Second;
        }

        if (kind == SuiteKind.Classification)
        {
            var labels = new int[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                labels[i] = (int)rows[i].Gold;
            }

            return new ClassificationTask(name, first, second, labels);
        }

        var scores = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            scores[i] = scale.Normalise(rows[i].Gold);
        }

        return new SimilarityTask(name, first, second, scores);
    }
}
