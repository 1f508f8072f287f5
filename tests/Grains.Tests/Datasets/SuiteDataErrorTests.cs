using Similarity.Grains.Datasets;
using Similarity.Grains.Datasets.Suites;
using Similarity.TestSupport;

namespace Similarity.Grains.Tests.Datasets;

/// <summary>Bad suite folders: every error names the file and line, or the folder, at fault.</summary>
public class SuiteDataErrorTests
{
    private static readonly SuiteCatalog Catalog = SuiteCatalog.Default;

    [Theory]
    [InlineData("stsb", "test", "stsb", "dev, train")]
    [InlineData("mrpc", "dev", "mrpc", "train")]
    [InlineData("stsb-multi-mt", "test", "stsb-multi-mt", "dev, train")]
    [InlineData("sts12-16", "dev", "sts12-16", "test, train")]
    [InlineData("mstsb", "test", "mstsb-dev", "dev")]
    public void A_missing_split_names_the_folder_searched_and_the_splits_there(string suite, string split, string folder, string available)
    {
        var error = Assert.Throws<DatasetNotFoundException>(() => Catalog.Find(suite).Load(SharedFolder.Data, split));

        Assert.Equal($"{suite} has no '{split}' split in {Path.Combine(SharedFolder.Data, folder)}; available: {available}", error.Message);
    }

    [Fact]
    public void A_malformed_line_in_one_translation_names_that_file_and_line()
    {
        using var temp = new ScratchFolder();
        temp.Write("stsb-multi-mt/en.dev.tsv", "score\ts1\ts2\n1.0\ta\tb\n2.0\tc\td\n");
        temp.Write("stsb-multi-mt/de.dev.tsv", "score\ts1\ts2\n1.0\tA\tB\n2.0\tC D\n");

        var error = Assert.Throws<DatasetFormatException>(() => Catalog.Find("stsb-multi-mt").Load(temp.Path, "dev"));

        Assert.Equal("stsb-multi-mt/de.dev.tsv line 3: expected 3 tab-separated columns (gold, sentence1, sentence2), found 2", error.Message);
    }

    [Fact]
    public void A_malformed_label_in_a_binary_suite_names_file_and_line()
    {
        using var temp = new ScratchFolder();
        temp.Write("mrpc/train.tsv", "label\ts1\ts2\n1\ta\tb\n0\tc\td\nyes\te\tf\n");

        var error = Assert.Throws<DatasetFormatException>(() => Catalog.Find("mrpc").Load(temp.Path, "train"));

        Assert.Equal("mrpc/train.tsv line 4: label 'yes' is not 0 or 1", error.Message);
    }

    [Fact]
    public void A_malformed_line_in_the_second_mstsb_folder_names_that_folder()
    {
        using var temp = new ScratchFolder();
        temp.Write("mstsb-a/test.de_de.tsv", "score\ts1\ts2\n1.0\ta\tb\n");
        temp.Write("mstsb-b/test.en_de.tsv", "score\ts1\ts2\n6.0\ta\tb\n");

        var error = Assert.Throws<DatasetFormatException>(() => Catalog.Find("mstsb").Load(temp.Path, "test"));

        Assert.Equal("mstsb-b/test.en_de.tsv line 2: score '6.0' is outside 0-5", error.Message);
    }

    [Fact]
    public void A_task_in_two_mstsb_folders_names_both_files()
    {
        using var temp = new ScratchFolder();
        var first = temp.Write("mstsb-a/test.en_de.tsv", "score\ts1\ts2\n1.0\ta\tb\n");
        var second = temp.Write("mstsb-b/test.en_de.tsv", "score\ts1\ts2\n1.0\ta\tb\n");

        var error = Assert.Throws<DatasetNotFoundException>(() => Catalog.Find("mstsb").Load(temp.Path, "test"));

        Assert.Contains($"task 'en_de' of split 'test' is in two files: {first} and {second}", error.Message);
    }

    [Theory]
    [InlineData("sts12-16", "sts12-16/2015.images-test.tsv", "test", "file name is not <task>.<split>.tsv")]
    [InlineData("sts12-16", "sts12-16/2015.images.validation.tsv", "test", "file name is not <task>.<split>.tsv")]
    [InlineData("mstsb", "mstsb-dev/dev-en_de.tsv", "dev", "file name is not <split>.<task>.tsv")]
    [InlineData("stsb-multi-mt", "stsb-multi-mt/de_dev.tsv", "dev", "file name is not <language>.<split>.tsv")]
    public void A_misnamed_task_file_is_named_instead_of_silently_left_out(string suite, string file, string split, string problem)
    {
        using var temp = new ScratchFolder();
        var folder = Path.GetDirectoryName(file)!;
        var good = suite == "sts12-16" ? "2015.answers.test.tsv" : suite == "mstsb" ? "dev.en_en.tsv" : "en.dev.tsv";
        temp.Write(Path.Combine(folder, good), "score\ts1\ts2\n1.0\ta\tb\n");
        temp.Write(file, "score\ts1\ts2\n1.0\ta\tb\n");

        var error = Assert.Throws<DatasetFormatException>(() => Catalog.Find(suite).Load(temp.Path, split));

        Assert.StartsWith($"{file}: {problem} with split test, dev or train", error.Message);
    }

    [Fact]
    public void Translations_without_the_pivot_language_name_the_missing_file()
    {
        using var temp = new ScratchFolder();
        temp.Write("stsb-multi-mt/de.dev.tsv", "score\ts1\ts2\n1.0\ta\tb\n");
        temp.Write("stsb-multi-mt/fr.dev.tsv", "score\ts1\ts2\n1.0\ta\tb\n");

        var error = Assert.Throws<DatasetNotFoundException>(() => Catalog.Find("stsb-multi-mt").Load(temp.Path, "dev"));

        Assert.StartsWith($"stsb-multi-mt has no en.dev.tsv in {temp.File("stsb-multi-mt")}", error.Message);
    }

    [Fact]
    public void A_data_folder_that_is_a_file_is_named_as_such()
    {
        using var temp = new ScratchFolder();
        var file = temp.Write("data", "not a folder");

        var error = Assert.Throws<DatasetNotFoundException>(() => Catalog.Find("stsb").Load(file, "dev"));

        Assert.Equal($"data folder '{file}' is a file; give the folder that holds the suite's folder", error.Message);
    }
}
