using Similarity.Grains.Corpora.Rows;

namespace Similarity.Grains.Corpora.Storage;

/// <summary>A block as storage keeps it: its rows, and their texts when they came as texts (null when added as embeddings).</summary>
public sealed record StoredBlock(RowBlock Rows, string[]? Texts);
