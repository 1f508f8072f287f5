namespace Similarity.Deploy.Tests.Manifests;

/// <summary>A manifest that cannot be read as Kubernetes resources: the message names the file and, where known, the line.</summary>
public sealed class ManifestException(string message, Exception? inner = null) : Exception(message, inner);
