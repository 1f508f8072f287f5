namespace Similarity.Silo.Tests.Cluster;

/// <summary>Waits for a cluster to reach a state the test cannot await directly (a worker holding a request, a silo gone).</summary>
internal static class Poll
{
    /// <summary>Checks <paramref name="condition"/> every 10 ms; gives up (the test fails) after <paramref name="seconds"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
