using System.Text.Json;

namespace Similarity.Inference.Tests.Tokenization;

public class ConcurrencyTests
{
    [Theory]
    [InlineData("all-MiniLM-L6-v2")]
    [InlineData("albert-base-v2")]
    public void One_tokenizer_shared_by_many_threads_gives_the_same_ids_as_one_thread_from_both_encode_paths(string name)
    {
        var tokenizer = ReferenceCases.Tokenizer(name).WithTruncation(null).WithPadding(null);
        var texts = File.ReadLines(ReferenceCases.ReferencePath(name))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.TryGetProperty("text", out _))
            .Select(e => e.GetProperty("text").GetString()!)
            .ToArray();
        var expected = texts.Select(t => tokenizer.Encode(t).Ids).ToArray();
        var actual = new int[texts.Length * 8][];

        // Odd items take the ids-only path, so each thread's reused workspace keeps switching between the two.
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = i % 2 == 0
            ? tokenizer.Encode(texts[i % texts.Length]).Ids
            : tokenizer.EncodeIds(texts[i % texts.Length], null).Ids);

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], actual[i]);
        }
    }
}
