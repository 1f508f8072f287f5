namespace Similarity.Deploy.Tests.Simctl;

public class SimctlInvocationTests
{
    [Fact]
    public void Leading_words_are_verbs_and_the_rest_options_with_values()
    {
        var invocation = SimctlInvocation.Parse(["db", "migrate", "--cluster", "$(CONN)", "--dry-run", "--split=dev"]);

        Assert.Equal("db migrate", invocation.Command);
        Assert.Equal("$(CONN)", invocation.Option("--cluster"));
        Assert.True(invocation.Has("--dry-run"));
        Assert.Null(invocation.Option("--dry-run"));
        Assert.Equal("dev", invocation.Option("--split"));
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
