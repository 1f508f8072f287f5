using Similarity.Grains.Evaluation.Reports.Languages;

namespace Similarity.Grains.Tests.Evaluation.Reports;

public class LanguagePairTests
{
    [Theory]
    [InlineData("en_de", "en", "de")]
    [InlineData("zh_zh", "zh", "zh")]
    [InlineData("en_zh-cn", "en", "zh-cn")]
    public void Multilingual_task_names_are_read_as_sentence_languages(string name, string first, string second)
    {
        Assert.True(LanguagePair.TryParse(name, out var pair));

        Assert.Equal(new LanguagePair(first, second), pair);
    }

    [Theory]
    [InlineData("stsb")]
    [InlineData("2012.MSRpar")]
    [InlineData("2014.deft-forum")]
    [InlineData("EN_DE")]
    [InlineData("en_")]
    [InlineData("en_de_fr")]
    public void Other_task_names_are_not_language_pairs(string name)
    {
        Assert.False(LanguagePair.TryParse(name, out _));
    }
}
