using Similarity.Grains.Contracts;

namespace Similarity.Silo.Models;

/// <summary>A model a silo serves: the name callers use and the folder it is loaded from (<c>--model NAME=DIR</c>).</summary>
public sealed record ModelBinding
{
    public ModelBinding(string name, string path)
    {
        Name = ModelNames.Validate(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    public string Name { get; }

    public string Path { get; }

    /// <summary>Parses <c>NAME=DIR</c>; the message names the bad value.</summary>
    public static ModelBinding Parse(string value)
    {
        var split = value.IndexOf('=', StringComparison.Ordinal);
        if (split <= 0 || split == value.Length - 1)
        {
            throw new FormatException($"--model '{value}' must look like NAME=DIR");
        }

        var name = value[..split].Trim();
        if (!ModelNames.IsValid(name))
        {
            throw new FormatException($"--model '{value}': invalid model name '{name}' (use ASCII letters, digits, '.', '_' or '-')");
        }

        return new ModelBinding(name, value[(split + 1)..].Trim());
    }

    public override string ToString() => $"{Name}={Path}";
}
