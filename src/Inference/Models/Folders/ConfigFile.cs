using System.Text.Json;

namespace Similarity.Inference.Models.Folders;

/// <summary>A JSON configuration file of a model folder, with typed reads whose errors name the file and the key.</summary>
public sealed class ConfigFile
{
    private ConfigFile(string path, JsonElement root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public JsonElement Root { get; }

    /// <summary>Reads <paramref name="path"/>; a missing file names <paramref name="neededFor"/>, malformed JSON names the line.</summary>
    public static ConfigFile Read(string path, string neededFor)
    {
        if (!File.Exists(path))
        {
            throw new ModelFileNotFoundException(path, $"Missing '{path}', needed for {neededFor}.");
        }

        return Parse(path, File.ReadAllBytes(path));
    }

    /// <summary>Reads <paramref name="path"/> if it exists, else returns null.</summary>
    public static ConfigFile? ReadOptional(string path) => File.Exists(path) ? Parse(path, File.ReadAllBytes(path)) : null;

    public bool Has(string key) => Root.ValueKind == JsonValueKind.Object && Root.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null;

    public bool Bool(string key, bool fallback)
    {
        if (!Has(key))
        {
            return fallback;
        }

        var value = Root.GetProperty(key);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(key, "true or false", value),
        };
    }

    public int Int(string key)
    {
        if (!Has(key))
        {
            throw new ModelConfigException(Path, $"'{Path}' has no \"{key}\".");
        }

        return IntValue(key, Root.GetProperty(key));
    }

    public int? OptionalInt(string key) => Has(key) ? IntValue(key, Root.GetProperty(key)) : null;

    public string? OptionalString(string key)
    {
        if (!Has(key))
        {
            return null;
        }

        var value = Root.GetProperty(key);
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid(key, "a string", value);
    }

    public ModelConfigException Invalid(string key, string expected, JsonElement actual) =>
        new(Path, $"'{Path}': \"{key}\" must be {expected}, got {actual.GetRawText()}.");

    private int IntValue(string key, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return (int)Math.Clamp(number, int.MinValue, int.MaxValue);
        }

        // Tokenizer configs write "infinite" lengths as 1e30.
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var large) && large > int.MaxValue)
        {
            return int.MaxValue;
        }

        throw Invalid(key, "an integer", value);
    }

    private static ConfigFile Parse(string path, byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return new ConfigFile(path, document.RootElement.Clone());
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? $" at line {l + 1}, byte {e.BytePositionInLine + 1}" : string.Empty;
            throw new ModelConfigException(path, $"'{path}' is not valid JSON{line}: {e.Message}", e);
        }
    }
}
