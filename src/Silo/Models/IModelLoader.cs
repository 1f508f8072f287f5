using Similarity.Grains.Serving;

namespace Similarity.Silo.Models;

/// <summary>
/// Turns <c>--model NAME=DIR</c> into a model the silo serves: <see cref="ModelFolderLoader"/> for real model folders,
/// or another runtime (a test double in another process) named by <c>Silo:ModelLoader</c>.
/// </summary>
public interface IModelLoader
{
    Task<ServedModel> LoadAsync(ModelBinding binding, ModelLoadSettings settings, CancellationToken cancellationToken = default);
}
