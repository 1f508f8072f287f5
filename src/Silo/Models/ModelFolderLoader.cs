namespace Similarity.Silo.Models;

/// <summary>
/// The silo's default loader for model folders. It recognises the layout; building the ONNX pipeline for it belongs to
/// the inference layer, which is wired in here once it lands. Until then it refuses with a message saying so.
/// </summary>
public sealed class ModelFolderLoader : IModelLoader
{
    public Task<LoadedModel> LoadAsync(ModelBinding binding, ModelLoadSettings settings, CancellationToken cancellationToken = default)
    {
        var kind = ModelFolder.Inspect(binding);
        throw new ModelLoadException(
            $"model '{binding.Name}' ({kind} at {binding.Path}): this build has no ONNX model pipeline wired into the silo yet");
    }
}
