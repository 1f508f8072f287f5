namespace Similarity.Inference.Tokenization.PostProcessors;

/// <summary>One item of a template: a text (<c>$A</c> = sequence 0, <c>$B</c> = 1) or a special token, with its type id.</summary>
internal sealed record TemplatePiece(int? Sequence, string? SpecialToken, int TypeId);
