namespace Similarity.Grains.Contracts.Corpora.Ingest;

/// <summary>What an add brings: texts, which the corpus's model encodes on the silos, or embeddings computed elsewhere.</summary>
[GenerateSerializer]
public enum IngestContent
{
    Texts = 0,
    Embeddings = 1,
}
