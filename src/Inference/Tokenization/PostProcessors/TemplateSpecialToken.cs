namespace Similarity.Inference.Tokenization.PostProcessors;

/// <summary>A special token of a template: the ids and strings it expands to.</summary>
internal sealed record TemplateSpecialToken(string Name, int[] Ids, string[] Tokens);
