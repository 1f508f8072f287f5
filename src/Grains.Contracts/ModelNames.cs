namespace Similarity.Grains.Contracts;

/// <summary>Rules for model names: they become parts of grain keys, metric labels and URLs, so they are short and plain.</summary>
public static class ModelNames
{
    public const int MaxLength = 100;

    /// <summary>Returns <paramref name="name"/> if it is 1-100 characters of ASCII letters, digits, '.', '_' or '-'; throws otherwise.</summary>
    public static string Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"Invalid model name '{name}': use 1-{MaxLength} ASCII letters, digits, '.', '_' or '-'.", nameof(name));
        }

        return name;
    }

    public static bool IsValid(string name)
    {
        if (name.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
