using Similarity.Inference.Tokenization;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Tokenization;

public class EncodeAllocationTests
{
    [Theory]
    [MemberData(nameof(TokenizerNames))]
    public void Encoding_ids_on_a_warm_thread_allocates_only_the_two_arrays_it_returns(string name)
    {
        var tokenizer = ReferenceCases.Tokenizer(name).WithTruncation(new TruncationOptions(128)).WithPadding(null);
        var inputs = ReferenceCases.SingleEncodings()
            .Select(row => ReferenceCases.Line((string)row[0]))
            .Where(line => line.GetProperty("tokenizer").GetString() == name && line.GetProperty("mode").GetString() == "none")
            .Select(line => (Text: line.GetProperty("text").GetString()!, Pair: line.TryGetProperty("text_pair", out var pair) ? pair.GetString() : null))
            .ToList();
        foreach (var (text, pair) in inputs)
        {
            tokenizer.EncodeIds(text, pair);
            tokenizer.EncodeIds(text, pair);
        }

        foreach (var (text, pair) in inputs)
        {
            var (readings, expected) = SteadyAllocation.Measure(
                () => tokenizer.EncodeIds(text, pair),
                encoded => BytesOfTwoArrays(encoded.Ids.Length, encoded.TypeIds.Length));

            Assert.True(readings[^1] == expected, $"{string.Join(", ", readings)} bytes (expected {expected}) for {Describe(text, pair)}");
        }
    }

    private static string Describe(string text, string? pair)
    {
        var shown = pair is null ? text : text + " / " + pair;
        return shown.Length <= 120 ? shown : $"{shown[..120]}... ({shown.Length} chars)";
    }

    public static TheoryData<string> TokenizerNames() => new(ReferenceCases.TokenizerNames);

    private static long BytesOfTwoArrays(int first, int second) => SteadyAllocation.BytesOf(() =>
    {
        GC.KeepAlive(new int[first]);
        GC.KeepAlive(new int[second]);
    });
}
