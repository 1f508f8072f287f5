using System.Runtime.CompilerServices;

namespace Similarity.Silo.Tests.Schema;

/// <summary>Waits for something the cluster does in the background (a reminder tick, a stream delivery).</summary>
internal static class Eventually
{
    /// <summary>Asks every 50 ms until <paramref name="condition"/> holds; past <paramref name="seconds"/> the test fails, quoting it.</summary>
    public static async Task HoldsAsync(
        Func<Task<bool>> condition, int seconds = 30, [CallerArgumentExpression(nameof(condition))] string expression = "")
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"still false after {seconds} s: {expression}");
            }

            await Task.Delay(50);
        }
    }
}
