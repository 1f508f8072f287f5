using System.Text.Json;
using System.Text.Json.Serialization;

namespace Similarity.Silo.Tests.Doubles;

/// <summary>
/// A test model described in a file (<c>test-model.json</c> in the model DIR), so a silo in another process
/// (<c>simctl silo</c> with <see cref="TestModelLoader"/>) serves the same doubles as the test.
/// </summary>
public sealed record TestModelSpec
{
    public const string FileName = "test-model.json";

    /// <summary><c>encoder</c> or <c>cross-encoder</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "encoder";

    /// <summary>Writes the spec into a new folder under <paramref name="parent"/> and returns the folder.</summary>
    public string WriteTo(string parent, string name)
    {
        var folder = Path.Combine(parent, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this));
        return folder;
    }

    public static TestModelSpec Read(string folder) =>
        JsonSerializer.Deserialize<TestModelSpec>(File.ReadAllText(Path.Combine(folder, FileName)))
        ?? throw new InvalidDataException($"{folder}: empty {FileName}");
}
