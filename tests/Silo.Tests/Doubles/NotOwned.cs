namespace Similarity.Silo.Tests.Doubles;

/// <summary>The "owner" of a test instance a silo serves but must not dispose: the test owns it, and may share it between silos.</summary>
public sealed class NotOwned : IDisposable
{
    public static NotOwned Instance { get; } = new();

    public void Dispose()
    {
    }
}
