using Similarity.Grains.Contracts.Errors;

namespace Similarity.Grains.Contracts.Corpora;

/// <summary>Rules for corpus names: they key the corpus grain and, with a shard index, its shard grains (<c>NAME/3</c>).</summary>
public static class CorpusNames
{
    /// <summary>Returns <paramref name="name"/> if it is 1-100 ASCII letters, digits, '.', '_' or '-'; else an <see cref="InvalidRequestException"/> naming it.</summary>
    public static string Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IsValid(name)
            ? name
            : throw new InvalidRequestException(
                $"invalid corpus name '{name}': use 1-{ModelNames.MaxLength} ASCII letters, digits, '.', '_' or '-'", "corpus");
    }

    /// <summary>Corpus names follow the rules of model names (no '/', which separates the parts of a shard key).</summary>
    public static bool IsValid(string name) => ModelNames.IsValid(name);
}
