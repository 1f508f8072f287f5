using System.Collections.Concurrent;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>The states the <see cref="SharedGrainStorage"/> of every silo of one test cluster keep: one table, as a database would be.</summary>
public sealed class SharedGrainStates
{
    private long _version;

    public ConcurrentDictionary<(string State, GrainId Grain), (object Value, string ETag)> States { get; } = new();

    public string NextETag() => Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
