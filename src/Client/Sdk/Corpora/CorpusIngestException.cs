namespace Similarity.Client.Corpora;

/// <summary>An add failed on the silos for a reason retrying does not cure; it was aborted and the corpus is as it was before.</summary>
public sealed class CorpusIngestException(string message) : Exception(message);
