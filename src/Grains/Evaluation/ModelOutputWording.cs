namespace Similarity.Grains.Evaluation;

/// <summary>
/// How <see cref="LongestFirstBatches"/> names a model ("encoder"), its inputs ("texts") and where in its output a
/// non-finite value was found ("in the embedding of ...").
/// </summary>
internal sealed record ModelOutputWording<TInput>(string Model, string Inputs, Func<TInput, string> Locate);
