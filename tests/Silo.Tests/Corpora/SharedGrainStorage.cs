using Orleans.Serialization;
using Orleans.Storage;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>
/// A TEST DOUBLE of durable grain storage for the silos of one in-process test cluster: all of them keep their states in
/// one <see cref="SharedGrainStates"/>, so grain state outlives a killed silo (Orleans' memory storage keeps state in
/// grains, which die with their silo). States are deep-copied in and out, with etags, as a real store would.
/// </summary>
public sealed class SharedGrainStorage(SharedGrainStates shelf, DeepCopier copier) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (shelf.States.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = copier.Copy((T)stored.Value);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = shelf.NextETag();
        var key = (stateName, grainId);
        (object Value, string ETag) entry = (copier.Copy(grainState.State)!, etag);
        if (grainState.ETag is null ? !shelf.States.TryAdd(key, entry) : !TryReplace(key, grainState.ETag, entry))
        {
            throw new InconsistentStateException($"state {stateName} of {grainId} changed since it was read", grainState.ETag, etag);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        shelf.States.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private bool TryReplace((string, GrainId) key, string etag, (object, string) entry) =>
        shelf.States.TryGetValue(key, out var current) && current.ETag == etag && shelf.States.TryUpdate(key, entry, current);
}
