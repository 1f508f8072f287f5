using System.Text.Json;

namespace Similarity.Inference.Tokenization.Json;

/// <summary>
/// A value in tokenizer.json together with its JSON path and file name, with typed accessors whose errors
/// (<see cref="TokenizerFormatException"/>) say where the problem is.
/// </summary>
internal readonly struct JsonSection(JsonElement element, string path, string source)
{
    public JsonElement Element => element;

    public string Path => path;

    public string Source => source;

    public bool IsObject => element.ValueKind == JsonValueKind.Object;

    public bool IsArray => element.ValueKind == JsonValueKind.Array;

    public bool IsString => element.ValueKind == JsonValueKind.String;

    /// <summary>The member <paramref name="name"/> when it is present and not null.</summary>
    public bool TryGet(string name, out JsonSection child)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            child = new JsonSection(value, path + "." + name, source);
            return true;
        }

        child = default;
        return false;
    }

    public JsonSection Get(string name, string? component) =>
        TryGet(name, out var child) ? child : throw Error($"missing required field '{name}'", component);

    /// <summary>The component's <c>type</c> tag.</summary>
    public string TypeName(string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error($"{what} must be a JSON object, not {Describe(element.ValueKind)}", null);
        }

        return Get("type", null).AsString(null);
    }

    public string AsString(string? component) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw Error($"expected a string, found {Describe(element.ValueKind)}", component);

    public int AsInt(string? component) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value)
            ? value
            : throw Error($"expected a 32-bit integer, found {Describe(element.ValueKind)}", component);

    public bool AsBool(string? component) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error($"expected true or false, found {Describe(element.ValueKind)}", component),
    };

    public string String(string name, string? component) => Get(name, component).AsString(component);

    public string StringOr(string name, string fallback, string? component) => TryGet(name, out var child) ? child.AsString(component) : fallback;

    public int Int(string name, string? component) => Get(name, component).AsInt(component);

    public int IntOr(string name, int fallback, string? component) => TryGet(name, out var child) ? child.AsInt(component) : fallback;

    public int? NullableInt(string name, string? component) => TryGet(name, out var child) ? child.AsInt(component) : null;

    public bool BoolOr(string name, bool fallback, string? component) => TryGet(name, out var child) ? child.AsBool(component) : fallback;

    public bool? NullableBool(string name, string? component) => TryGet(name, out var child) ? child.AsBool(component) : null;

    /// <summary>The elements of this array, each with its indexed path.</summary>
    public List<JsonSection> Items(string? component)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Error($"expected an array, found {Describe(element.ValueKind)}", component);
        }

        var items = new List<JsonSection>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            items.Add(new JsonSection(item, $"{path}[{index++}]", source));
        }

        return items;
    }

    /// <summary>The members of this object, each with its path.</summary>
    public IEnumerable<(string Name, JsonSection Value)> Members(string? component)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error($"expected an object, found {Describe(element.ValueKind)}", component);
        }

        foreach (var member in element.EnumerateObject())
        {
            yield return (member.Name, new JsonSection(member.Value, $"{path}[\"{member.Name}\"]", source));
        }
    }

    public TokenizerFormatException Error(string problem, string? component) => new(source, path, component, problem);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
