namespace Similarity.Silo.Fabric.Codec;

/// <summary>A payload that does not follow <see cref="PayloadFormat"/>: truncated, an unknown version or kind, invalid UTF-8.</summary>
public sealed class PayloadFormatException(string message) : Exception(message);
