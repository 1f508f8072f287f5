using System.Text;
using Similarity.Grains.Datasets;
using Similarity.TestSupport;

namespace Similarity.Grains.Tests.Datasets;

public class PairFileReaderTests
{
    /// <summary>Row counts from data/README.md and each folder's PROVENANCE.md.</summary>
    public static TheoryData<string, GoldColumn, int> SharedFiles => new()
    {
        { "stsb/train.tsv", GoldColumn.Score, 5749 },
        { "stsb/dev.tsv", GoldColumn.Score, 1500 },
        { "stsb-multi-mt/de.train.tsv", GoldColumn.Score, 5749 },
        { "stsb-multi-mt/zh.dev.tsv", GoldColumn.Score, 1500 },
        { "mstsb-dev/dev.en_ja.tsv", GoldColumn.Score, 1500 },
        { "mrpc/train.tsv", GoldColumn.Label, 4076 },
        { "qqp/dev.tsv", GoldColumn.Label, 10000 },
        { "sick/train.tsv", GoldColumn.Score, 4500 },
        { "sick/trial.tsv", GoldColumn.Score, 500 },
        { "sts12-16/2013.FNWN.test.tsv", GoldColumn.Score, 189 },
        { "sts12-16/2012.MSRpar.test.tsv", GoldColumn.Score, 750 },
    };

    [Theory]
    [MemberData(nameof(SharedFiles))]
    public void Reads_every_data_row_of_the_shared_files(string file, GoldColumn gold, int rows)
    {
        var read = PairFileReader.Read(Path.Combine(SharedFolder.Data, file), file, gold).ToList();

        Assert.Equal(rows, read.Count);
        Assert.All(read, r => Assert.False(string.IsNullOrEmpty(r.First) || string.IsNullOrEmpty(r.Second)));
        Assert.Equal(Enumerable.Range(2, rows), read.Select(r => r.Line));
    }

    [Fact]
    public void Stsb_scores_lie_on_the_zero_to_five_scale()
    {
        var scores = PairFileReader.Read(Path.Combine(SharedFolder.Data, "stsb/dev.tsv"), "stsb/dev.tsv", GoldColumn.Score, ScoreScale.ZeroToFive)
            .Select(r => r.Gold).ToList();

        Assert.Equal(0, scores.Min());
        Assert.Equal(5, scores.Max());
    }

    [Fact]
    public void Qqp_dev_labels_are_balanced_as_its_provenance_states()
    {
        var labels = PairFileReader.Read(Path.Combine(SharedFolder.Data, "qqp/dev.tsv"), "qqp/dev.tsv", GoldColumn.Label).Select(r => r.Gold);

        Assert.Equal(5000, labels.Count(l => l == 1));
    }

    [Fact]
    public void Mrpc_train_has_the_standard_label_split()
    {
        var labels = PairFileReader.Read(Path.Combine(SharedFolder.Data, "mrpc/train.tsv"), "mrpc/train.tsv", GoldColumn.Label).Select(r => r.Gold).ToList();

        Assert.Equal(2753, labels.Count(l => l == 1));
        Assert.Equal(1323, labels.Count(l => l == 0));
    }

    [Fact]
    public void Texts_keep_non_ascii_characters()
    {
        var first = PairFileReader.Read(Path.Combine(SharedFolder.Data, "stsb-multi-mt/ja.dev.tsv"), "ja.dev.tsv", GoldColumn.Score).First();

        Assert.Equal(5.0, first.Gold);
        Assert.Equal("硬い帽子をかぶった男が踊っている。", first.First);
    }

    [Fact]
    public void A_score_that_is_not_a_number_names_file_and_line()
    {
        using var temp = new ScratchFolder();
        var path = temp.Write("stsb/dev.tsv", "score\ts1\ts2\n1.0\ta\tb\n2.5\tc\td\nx\te\tf\n");

        var error = Assert.Throws<DatasetFormatException>(() => PairFileReader.Read(path, "stsb/dev.tsv", GoldColumn.Score).ToList());

        Assert.Equal("stsb/dev.tsv line 4: score 'x' is not a number", error.Message);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void A_NaN_score_is_rejected()
    {
        using var temp = new ScratchFolder();
        var path = temp.Write("dev.tsv", "score\ts1\ts2\nNaN\ta\tb\n");

        var error = Assert.Throws<DatasetFormatException>(() => PairFileReader.Read(path, "dev.tsv", GoldColumn.Score).ToList());

        Assert.Equal("dev.tsv line 2: score 'NaN' is not a number", error.Message);
    }

    [Fact]
    public void A_score_outside_the_scale_is_rejected()
    {
        using var temp = new ScratchFolder();
        var path = temp.Write("dev.tsv", "score\ts1\ts2\n5.5\ta\tb\n");

        var error = Assert.Throws<DatasetFormatException>(() => PairFileReader.Read(path, "dev.tsv", GoldColumn.Score, ScoreScale.ZeroToFive).ToList());

        Assert.Equal("dev.tsv line 2: score '5.5' is outside 0-5", error.Message);
    }

    [Theory]
    [InlineData("1\tonly one text", 2)]
    [InlineData("1\ta\tb\tid-17", 4)]
    [InlineData("", 1)]
    public void A_row_with_the_wrong_column_count_names_file_line_and_count(string row, int found)
    {
        using var temp = new ScratchFolder();
        var path = temp.Write("mrpc/train.tsv", $"label\ts1\ts2\n1\ta\tb\n{row}\n0\tc\td\n");

        var error = Assert.Throws<DatasetFormatException>(() => PairFileReader.Read(path, "mrpc/train.tsv", GoldColumn.Label).ToList());

        Assert.Equal($"mrpc/train.tsv line 3: expected 3 tab-separated columns (gold, sentence1, sentence2), found {found}", error.Message);
    }

    [Fact]
    public void A_label_other_than_zero_or_one_is_rejected()
    {
        using var temp = new ScratchFolder();
        var path = temp.Write("qqp/dev.tsv", "label\tq1\tq2\n1\ta\tb\n0.5\tc\td\n");

        var error = Assert.Throws<DatasetFormatException>(() => PairFileReader.Read(path, "qqp/dev.tsv", GoldColumn.Label).ToList());

        Assert.Equal("qqp/dev.tsv line 3: label '0.5' is not 0 or 1", error.Message);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_own_line_even_far_into_the_file()
    {
        using var temp = new ScratchFolder();
        var text = new StringBuilder("score\ts1\ts2\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append("2.0\tA sentence long enough to fill the read buffer several times over.\tAnother one.\n");
        }

        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text.ToString()));
        bytes.AddRange("1.0\tbad "u8.ToArray());
        bytes.Add(0xC3);
        bytes.Add(0x28);
        bytes.AddRange("\tbyte\n3.0\tok\tok\n"u8.ToArray());
        var path = temp.Write("dev.tsv", [.. bytes]);

        var error = Assert.Throws<DatasetFormatException>(() => PairFileReader.Read(path, "stsb/dev.tsv", GoldColumn.Score).ToList());

        Assert.Equal("stsb/dev.tsv line 3002: invalid UTF-8 at byte 9 of the line", error.Message);
        Assert.Equal(3002, error.Line);
    }

    [Fact]
    public void An_empty_file_is_rejected_for_lacking_a_header()
    {
        using var temp = new ScratchFolder();
        var path = temp.Write("dev.tsv", string.Empty);

        var error = Assert.Throws<DatasetFormatException>(() => PairFileReader.Read(path, "dev.tsv", GoldColumn.Score).ToList());

        Assert.StartsWith("dev.tsv: file is empty", error.Message);
    }

    [Fact]
    public void A_header_with_the_wrong_column_count_is_rejected_at_line_one()
    {
        using var temp = new ScratchFolder();
        var path = temp.Write("dev.tsv", "score,sentence1,sentence2\n1.0\ta\tb\n");

        var error = Assert.Throws<DatasetFormatException>(() => PairFileReader.Read(path, "dev.tsv", GoldColumn.Score).ToList());

        Assert.StartsWith("dev.tsv line 1: header has 1 tab-separated columns", error.Message);
    }

    [Fact]
    public void Crlf_line_ends_a_bom_and_a_missing_final_newline_are_accepted()
    {
        using var temp = new ScratchFolder();
        var path = temp.Write("dev.tsv", [.. "\uFEFFscore\ts1\ts2\r\n1.5\ta\tb\r\n2.5\tc\td"u8]);

        var rows = PairFileReader.Read(path, "dev.tsv", GoldColumn.Score).ToList();

        Assert.Equal([new PairRow(2, 1.5, "a", "b"), new PairRow(3, 2.5, "c", "d")], rows);
    }

    [Fact]
    public void A_line_longer_than_the_read_buffer_is_read_whole()
    {
        using var temp = new ScratchFolder();
        var longText = string.Concat(Enumerable.Repeat("déjà vu ", 40_000));
        var path = temp.Write("dev.tsv", $"score\ts1\ts2\n1.0\t{longText}\tshort\n2.0\ta\tb\n");

        var rows = PairFileReader.Read(path, "dev.tsv", GoldColumn.Score).ToList();

        Assert.Equal(longText, rows[0].First);
        Assert.Equal(new PairRow(3, 2.0, "a", "b"), rows[1]);
    }

    [Fact]
    public void A_missing_file_is_reported_before_reading()
    {
        var error = Assert.Throws<DatasetNotFoundException>(() => PairFileReader.Read("/nonexistent/dev.tsv", "stsb/dev.tsv", GoldColumn.Score));

        Assert.StartsWith("stsb/dev.tsv: file not found", error.Message);
    }
}
