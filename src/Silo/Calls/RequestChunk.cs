namespace Similarity.Silo.Calls;

/// <summary>A run of consecutive items sent as one request.</summary>
public readonly record struct RequestChunk(int Start, int Count);
