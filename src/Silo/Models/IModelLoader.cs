namespace Similarity.Silo.Models;

/// <summary>
/// Turns <c>--model NAME=DIR</c> into a runnable model. The silo knows nothing of ONNX or tokenizers: this seam is where
/// the inference layer plugs in. A loader should surface its batcher's queue-full error as
/// <see cref="Grains.Contracts.Errors.OverloadedException"/> so callers see "overloaded" (HTTP 429).
/// </summary>
public interface IModelLoader
{
    Task<LoadedModel> LoadAsync(ModelBinding binding, ModelLoadSettings settings, CancellationToken cancellationToken = default);
}
