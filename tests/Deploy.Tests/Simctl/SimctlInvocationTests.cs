namespace Similarity.Deploy.Tests.Simctl;

public class SimctlInvocationTests
{
    [Fact]
    public void Leading_words_are_the_verbs()
    {
        var invocation = SimctlInvocation.Parse(["db", "migrate", "--cluster", "$(CONN)"]);

        Assert.Equal(["db", "migrate"], invocation.Verbs);
        Assert.Equal("db migrate", invocation.Command);
    }

    [Fact]
    public void An_option_takes_the_word_after_it_or_the_text_after_an_equals_sign()
    {
        var invocation = SimctlInvocation.Parse(["eval", "--cluster", "$(CONN)", "--split=dev"]);

        Assert.Equal("$(CONN)", invocation.Option("--cluster"));
        Assert.Equal("dev", invocation.Option("--split"));
    }

    [Fact]
    public void An_option_followed_by_another_option_is_a_flag_without_a_value()
    {
        var invocation = SimctlInvocation.Parse(["eval", "--quiet", "--model", "a"]);

        Assert.True(invocation.Has("--quiet"));
        Assert.Null(invocation.Option("--quiet"));
        Assert.Equal("a", invocation.Option("--model"));
    }

    [Fact]
    public void A_repeated_option_gives_its_last_value()
    {
        var invocation = SimctlInvocation.Parse(["eval", "--model", "a", "--model", "b"]);

        Assert.Equal("b", invocation.Option("--model"));
    }

    [Fact]
    public void A_stray_word_after_an_option_value_is_refused_naming_it()
    {
        var error = Assert.Throws<FormatException>(() => SimctlInvocation.Parse(["eval", "--model", "a", "extra"]));

        Assert.Contains("'extra'", error.Message, StringComparison.Ordinal);
    }
}
