namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>Which long operation over a corpus: paraphrase mining (top pairs) or community detection.</summary>
[GenerateSerializer]
public enum OperationKind
{
    Mine = 0,
    Cluster = 1,
}
