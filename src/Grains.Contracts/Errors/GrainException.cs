namespace Similarity.Grains.Contracts.Errors;

/// <summary>
/// A request the cluster refused, for a reason the caller can act on. Orleans carries the exact type and
/// <see cref="Parameter"/> back to the caller, whether the grain ran in the caller's process or on another silo.
/// </summary>
[GenerateSerializer]
public abstract class GrainException(string message, string? parameter = null, Exception? inner = null) : Exception(message, inner)
{
    public abstract GrainErrorCode Code { get; }

    /// <summary>The request parameter at fault (e.g. <c>input</c>, <c>model</c>), when one is.</summary>
    [Id(0)]
    public string? Parameter { get; private set; } = parameter;
}
