namespace Similarity.Silo.Fabric;

internal static class Deadline
{
    /// <summary>Time left until <paramref name="deadline"/>; zero once it has passed.</summary>
    public static TimeSpan Remaining(DateTimeOffset deadline) =>
        deadline - DateTimeOffset.UtcNow is { Ticks: > 0 } remaining ? remaining : TimeSpan.Zero;
}
