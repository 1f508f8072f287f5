using Similarity.Inference.Models.Loading;

namespace Similarity.Inference.Tests.Models.EndToEnd;

public class PythonLowercasingTests
{
    // Expected values printed by Python 3.11: print(ascii(s.lower())).
    [Theory]
    [InlineData("The Quick FOX", "the quick fox")]
    [InlineData("\u039F\u0394\u039F\u03A3", "\u03BF\u03B4\u03BF\u03C2")]
    [InlineData("\u03A3\u0391", "\u03C3\u03B1")]
    [InlineData("\u03A3", "\u03C3")]
    [InlineData("\u0391\u03A3.", "\u03B1\u03C2.")]
    [InlineData("\u0391\u03A3'\u0391", "\u03B1\u03C3'\u03B1")]
    [InlineData("\u0391\u03A3\u0384", "\u03B1\u03C2\u0384")]
    [InlineData("\u0130stanbul", "i\u0307stanbul")]
    [InlineData("\u1E9E", "\u00DF")]
    [InlineData("\u01C5", "\u01C6")]
    [InlineData("\u216B \u24B6", "\u217B \u24D0")]
    [InlineData("\U00010400", "\U00010428")]
    public void Lower_cases_like_python_str_lower(string text, string expected)
    {
        Assert.Equal(expected, PythonLowercasing.Apply(text));
    }

    [Fact]
    public void Already_lower_ascii_text_is_returned_as_is()
    {
        const string text = "nothing to do here, 123!";

        Assert.Same(text, PythonLowercasing.Apply(text));
    }

    [Fact]
    public void A_lone_surrogate_is_kept()
    {
        Assert.Equal("a\uD800b", PythonLowercasing.Apply("A\uD800B"));
    }
}
