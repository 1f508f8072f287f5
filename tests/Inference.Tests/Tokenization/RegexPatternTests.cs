using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tests.Tokenization;

public class RegexPatternTests
{
    [Theory]
    [InlineData(@"\p{L}+| ?\p{N}+", @"\p{L}+| ?\p{N}+")]
    [InlineData(@"a++b*+c?+", @"a+b*c?")]
    [InlineData(@"x{2,3}+y{2}+", @"x{2,3}y{2}")]
    [InlineData(@"\++", @"\++")]
    [InlineData(@"\h+[\h_]", @"[0-9a-fA-F]+[0-9a-fA-F_]")]
    [InlineData(@"[+]+", @"[+]+")]
    public void Oniguruma_only_constructs_are_translated_and_the_rest_is_kept(string oniguruma, string dotnet)
    {
        Assert.Equal(dotnet, RegexPattern.Translate(oniguruma));
    }

    [Fact]
    public void Matches_and_the_text_between_them_cover_the_whole_text()
    {
        var matches = new List<PatternMatch>();

        new RegexPattern(@"\d+").FindMatches("ab12cd345", matches);

        Assert.Equal(
            [new PatternMatch(0, 2, false), new PatternMatch(2, 4, true), new PatternMatch(4, 6, false), new PatternMatch(6, 9, true)],
            matches);
    }
}
