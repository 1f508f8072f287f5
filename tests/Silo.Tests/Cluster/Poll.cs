using System.Runtime.CompilerServices;

namespace Similarity.Silo.Tests.Cluster;

/// <summary>Waits for a cluster to reach a state the test cannot await directly (a worker holding a request, a silo gone).</summary>
internal static class Poll
{
    /// <summary>Checks <paramref name="condition"/> every 10 ms; past <paramref name="seconds"/> the test fails, quoting the condition.</summary>
    public static async Task UntilAsync(
        Func<bool> condition, int seconds = 30, [CallerArgumentExpression(nameof(condition))] string expression = "")
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"still false after {seconds} s: {expression}");
            }

            await Task.Delay(10);
        }
    }
}
