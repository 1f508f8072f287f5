using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Datasets;
using Similarity.Grains.Datasets.Suites;
using Similarity.TestSupport;

namespace Similarity.Grains.Tests.Datasets;

public class SuiteCatalogTests
{
    private static readonly SuiteCatalog Catalog = SuiteCatalog.Default;

    public static TheoryData<string, string[]> SplitsInSharedData => new()
    {
        { "stsb", ["dev", "train"] },
        { "sick", ["dev", "train"] },
        { "sts12-16", ["test", "train"] },
        { "mrpc", ["train"] },
        { "qqp", ["dev"] },
        { "stsb-multi-mt", ["dev", "train"] },
        { "mstsb", ["dev"] },
    };

    [Theory]
    [MemberData(nameof(SplitsInSharedData))]
    public void Each_suite_finds_the_splits_present_in_the_shared_data(string suite, string[] splits)
    {
        Assert.Equal(splits, Catalog.Find(suite).FindSplits(SharedFolder.Data));
    }

    [Fact]
    public void Stsb_dev_is_one_task_of_1500_pairs_with_scores_divided_by_five()
    {
        var suite = Catalog.Find("stsb").Load(SharedFolder.Data, "dev");

        var task = Assert.IsType<SimilarityTask>(Assert.Single(suite.Tasks));
        Assert.Equal(("stsb", "dev", SuiteKind.Similarity), (suite.Suite, suite.Split, suite.Kind));
        Assert.Equal(1500, task.Count);
        Assert.Equal(1.0, task.Scores[0]);
        Assert.Equal(0.95, task.Scores[1], 15);
        Assert.Equal("A man with a hard hat is dancing.", task.First[0]);
        Assert.Equal("A man wearing a hard hat is dancing.", task.Second[0]);
    }

    [Fact]
    public void Asking_for_a_split_that_does_not_exist_lists_those_that_do()
    {
        var error = Assert.Throws<DatasetNotFoundException>(() => Catalog.Find("stsb").Load(SharedFolder.Data, "test"));

        Assert.StartsWith("stsb has no 'test' split in ", error.Message);
        Assert.EndsWith("available: dev, train", error.Message);
    }

    [Fact]
    public void An_unknown_split_name_is_reported_the_same_way()
    {
        var error = Assert.Throws<DatasetNotFoundException>(() => Catalog.Find("mstsb").Load(SharedFolder.Data, "validation"));

        Assert.EndsWith("available: dev", error.Message);
    }

    [Fact]
    public void Sick_dev_is_the_trial_file_scaled_from_one_to_five()
    {
        var task = (SimilarityTask)Catalog.Find("sick").Load(SharedFolder.Data, "dev").Tasks.Single();

        Assert.Equal(500, task.Count);
        Assert.Equal((3.6 - 1) / 4, task.Scores[0], 12);
        Assert.InRange(task.Scores.Min(), 0, 1);
        Assert.InRange(task.Scores.Max(), 0, 1);
    }

    [Fact]
    public void Sts12_16_test_has_a_task_per_file_with_the_provenance_row_counts()
    {
        var suite = Catalog.Find("sts12-16").Load(SharedFolder.Data, "test");

        var counts = suite.Tasks.ToDictionary(t => t.Name, t => t.Count);
        Assert.Equal(23, counts.Count);
        Assert.Equal(750, counts["2012.MSRpar"]);
        Assert.Equal(189, counts["2013.FNWN"]);
        Assert.Equal(450, counts["2014.deft-forum"]);
        Assert.Equal(375, counts["2015.belief"]);
        Assert.Equal(209, counts["2016.question-question"]);
        Assert.Equal(TaskAveraging.Mean, suite.Averaging);
    }

    [Fact]
    public void Sts12_16_train_holds_the_two_train_files()
    {
        var suite = Catalog.Find("sts12-16").Load(SharedFolder.Data, "train");

        Assert.Equal(["2012.MSRpar", "2012.SMTeuroparl"], suite.Tasks.Select(t => t.Name));
        Assert.Equal([750, 734], suite.Tasks.Select(t => t.Count));
    }

    [Fact]
    public void Mstsb_dev_has_21_tasks_of_1500_pairs_averaged_by_fisher_z()
    {
        var suite = Catalog.Find("mstsb").Load(SharedFolder.Data, "dev");

        string[] expected =
        [
            "de_de", "en_de", "en_en", "es_es", "en_es", "fr_fr", "en_fr", "it_it", "en_it", "ja_ja", "en_ja",
            "nl_nl", "en_nl", "pl_pl", "en_pl", "pt_pt", "en_pt", "ru_ru", "en_ru", "zh_zh", "en_zh",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), suite.Tasks.Select(t => t.Name));
        Assert.All(suite.Tasks, t => Assert.Equal(1500, t.Count));
        Assert.Equal(TaskAveraging.FisherZ, suite.Averaging);
    }

    [Fact]
    public void Mstsb_reads_the_same_tasks_when_pointed_at_its_own_folder()
    {
        var fromRoot = Catalog.Find("mstsb").Load(SharedFolder.Data, "dev");
        var fromFolder = Catalog.Find("mstsb").Load(Path.Combine(SharedFolder.Data, "mstsb-dev"), "dev");

        Assert.Equal(fromRoot.Tasks.Select(t => t.Name), fromFolder.Tasks.Select(t => t.Name));
    }

    [Fact]
    public void Stsb_multi_mt_builds_11_monolingual_and_10_cross_lingual_tasks()
    {
        var suite = Catalog.Find("stsb-multi-mt").Load(SharedFolder.Data, "dev");

        var names = suite.Tasks.Select(t => t.Name).ToList();
        Assert.Equal(21, names.Count);
        Assert.Equal(11, names.Count(n => n[..2] == n[3..]));
        Assert.All(names.Where(n => n[..2] != n[3..]), n => Assert.StartsWith("en_", n));
        Assert.Equal(TaskAveraging.FisherZ, suite.Averaging);
    }

    [Fact]
    public void Stsb_multi_mt_cross_lingual_tasks_equal_the_separately_built_mstsb_files()
    {
        var built = Catalog.Find("stsb-multi-mt").Load(SharedFolder.Data, "dev").Tasks.ToDictionary(t => t.Name);
        var published = Catalog.Find("mstsb").Load(SharedFolder.Data, "dev").Tasks;

        foreach (var expected in published.Cast<SimilarityTask>())
        {
            var actual = (SimilarityTask)built[expected.Name];
            Assert.Equal(expected.First, actual.First);
            Assert.Equal(expected.Second, actual.Second);
            Assert.Equal(expected.Scores, actual.Scores);
        }
    }

    [Fact]
    public void Stsb_multi_mt_rejects_translations_whose_scores_are_not_row_aligned()
    {
        using var temp = new ScratchFolder();
        temp.Write("stsb-multi-mt/en.dev.tsv", "score\ts1\ts2\n1.0\ta\tb\n2.0\tc\td\n3.0\te\tf\n");
        temp.Write("stsb-multi-mt/de.dev.tsv", "score\ts1\ts2\n1.0\tA\tB\n2.5\tC\tD\n3.0\tE\tF\n");

        var error = Assert.Throws<DatasetFormatException>(() => Catalog.Find("stsb-multi-mt").Load(temp.Path, "dev"));

        Assert.Equal("stsb-multi-mt/de.dev.tsv line 3: score 2.5 differs from stsb-multi-mt/en.dev.tsv line 3 (2); translations must be row-aligned", error.Message);
    }

    [Fact]
    public void Stsb_multi_mt_rejects_translations_with_different_row_counts()
    {
        using var temp = new ScratchFolder();
        temp.Write("stsb-multi-mt/en.dev.tsv", "score\ts1\ts2\n1.0\ta\tb\n2.0\tc\td\n");
        temp.Write("stsb-multi-mt/fr.dev.tsv", "score\ts1\ts2\n1.0\tA\tB\n");

        var error = Assert.Throws<DatasetFormatException>(() => Catalog.Find("stsb-multi-mt").Load(temp.Path, "dev"));

        Assert.Equal("stsb-multi-mt/fr.dev.tsv: has 1 rows but stsb-multi-mt/en.dev.tsv has 2; translations must be row-aligned", error.Message);
    }

    [Fact]
    public void Binary_suites_load_labels()
    {
        var mrpc = (ClassificationTask)Catalog.Find("mrpc").Load(SharedFolder.Data, "train").Tasks.Single();
        var qqp = (ClassificationTask)Catalog.Find("qqp").Load(SharedFolder.Data, "dev").Tasks.Single();

        Assert.Equal((4076, 2753), (mrpc.Count, mrpc.Labels.Sum()));
        Assert.Equal((10000, 5000), (qqp.Count, qqp.Labels.Sum()));
    }

    [Fact]
    public void A_data_file_with_only_a_header_is_rejected()
    {
        using var temp = new ScratchFolder();
        temp.Write("stsb/dev.tsv", "score\ts1\ts2\n");

        var error = Assert.Throws<DatasetFormatException>(() => Catalog.Find("stsb").Load(temp.Path, "dev"));

        Assert.Equal("stsb/dev.tsv: has a header but no data rows", error.Message);
    }

    [Fact]
    public void Malformed_rows_in_a_suite_file_name_the_file_relative_to_the_data_folder()
    {
        using var temp = new ScratchFolder();
        temp.Write("sts12-16/2015.images.test.tsv", "score\ts1\ts2\n4.0\ta\tb\nfour\tc\td\n");

        var error = Assert.Throws<DatasetFormatException>(() => Catalog.Find("sts12-16").Load(temp.Path, "test"));

        Assert.Equal("sts12-16/2015.images.test.tsv line 3: score 'four' is not a number", error.Message);
    }

    [Fact]
    public void An_unknown_suite_lists_the_known_ones()
    {
        var error = Assert.Throws<DatasetNotFoundException>(() => Catalog.Find("glue"));

        Assert.Equal("unknown suite 'glue'; known suites: stsb, sick, sts12-16, mrpc, qqp, stsb-multi-mt, mstsb", error.Message);
    }

    [Fact]
    public void A_data_folder_without_the_suite_is_reported()
    {
        using var temp = new ScratchFolder();

        var error = Assert.Throws<DatasetNotFoundException>(() => Catalog.Find("qqp").Load(temp.Path, "dev"));

        Assert.StartsWith("no qqp data in ", error.Message);
        Assert.EndsWith("expected a folder named 'qqp'", error.Message);
    }

    [Fact]
    public void A_missing_data_folder_is_reported()
    {
        var error = Assert.Throws<DatasetNotFoundException>(() => Catalog.Find("stsb").Load("/nonexistent/data", "dev"));

        Assert.Equal("data folder '/nonexistent/data' does not exist", error.Message);
    }
}
