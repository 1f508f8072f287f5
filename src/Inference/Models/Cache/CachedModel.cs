namespace Similarity.Inference.Models.Cache;

/// <summary>A model folder in the cache and where it came from (its <c>similarity-model.json</c>; null fields for a folder put there by hand).</summary>
public sealed record CachedModel(string Name, string Folder, string? PackageId, string? PackageVersion);
