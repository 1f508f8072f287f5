using Similarity.Grains.Contracts.Values;

namespace Similarity.Grains.Contracts;

/// <summary>
/// A bi-encoder worker, keyed by <see cref="ModelKey"/>: texts in, one embedding row per text out, in input order.
/// Callers spread large jobs over the model's lanes (<see cref="ModelKey.Lane"/>) to spread them over silos.
/// </summary>
public interface IEncoderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Embeds <paramref name="texts"/>. With <paramref name="dimensions"/>, each embedding keeps its first that many values,
    /// scaled back to unit length (Matryoshka-style, as OpenAI's <c>dimensions</c>).
    /// </summary>
    Task<FloatMatrix> EncodeAsync(string[] texts, int? dimensions = null, CancellationToken cancellationToken = default);
}
