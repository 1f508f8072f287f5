namespace Similarity.Inference.Tokenization.PreTokenizers;

/// <summary>When Metaspace puts its replacement character in front of a piece.</summary>
internal enum PrependScheme
{
    /// <summary>Every piece that does not already start with it.</summary>
    Always,

    /// <summary>Only the piece at the very start of the input.</summary>
    First,

    Never,
}
