using Similarity.Grains.Contracts;
using Similarity.Grains.Serving;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.Loading;
using Similarity.Inference.OnnxRuntime;

namespace Similarity.Silo.Models;

/// <summary>
/// The silo's loader for model folders: opens a sentence-transformers bi-encoder or a cross-encoder with the inference
/// layer's <see cref="ModelLoader"/>, batched with the silo's settings, on the CPU or (device class <c>gpu</c>) through
/// ONNX Runtime's CUDA provider. Any failure is a <see cref="ModelLoadException"/> naming the model, folder and device.
/// </summary>
public sealed class ModelFolderLoader : IModelLoader
{
    public Task<ServedModel> LoadAsync(ModelBinding binding, ModelLoadSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(settings);

        // Opening a model is seconds of CPU work: off the caller's thread, so silos of one process load side by side.
        return Task.Run(() => Load(binding, settings), cancellationToken);
    }

    private static ServedModel Load(ModelBinding binding, ModelLoadSettings settings)
    {
        var options = settings.Batching with
        {
            ExecutionProvider = settings.Device == DeviceClass.Gpu ? OnnxExecutionProvider.Cuda : OnnxExecutionProvider.Cpu,
        };
        OpenedModel model;
        try
        {
            model = ModelLoader.Open(binding.Path, options);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ModelLoadException($"model '{binding.Name}' ({binding.Path}) on {settings.Device.Name()}: {e.Message}", e);
        }

        return model.Kind == ModelFolderKind.SentenceTransformer
            ? new ServedModel(binding.Name, model.Encoder, null, model, () => model.Statistics)
            : new ServedModel(binding.Name, null, model.Classifier, model, () => model.Statistics);
    }
}
