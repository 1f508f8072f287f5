namespace Similarity.Silo.Models;

/// <summary>
/// Turns <c>--model NAME=DIR</c> into a runnable model: <see cref="ModelFolderLoader"/> for real model folders, or a
/// test double. The encoder grains turn a batcher's <c>EncoderOverloadedException</c> into "overloaded" (HTTP 429).
/// </summary>
public interface IModelLoader
{
    Task<LoadedModel> LoadAsync(ModelBinding binding, ModelLoadSettings settings, CancellationToken cancellationToken = default);
}
