using System.Text.Json;
using Similarity.Inference.Models.Folders;

namespace Similarity.Inference.Models.SentenceTransformers;

/// <summary>Reads <c>modules.json</c>: the ordered list of modules a sentence-transformers folder is built from.</summary>
public static class ModulesFile
{
    public static IReadOnlyList<ModuleEntry> Read(string folder)
    {
        var file = ConfigFile.Read(Path.Combine(folder, ModelFolder.ModulesFile), "the sentence-transformers pipeline");
        if (file.Root.ValueKind != JsonValueKind.Array)
        {
            throw new ModelConfigException(file.Path, $"'{file.Path}' must be a JSON array of modules, got {file.Root.ValueKind}.");
        }

        var entries = new List<ModuleEntry>();
        var position = 0;
        foreach (var item in file.Root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !item.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String)
            {
                throw new ModelConfigException(file.Path, $"'{file.Path}': module {position} needs string \"path\" and \"type\" keys, got {item.GetRawText()}.");
            }

            var index = item.TryGetProperty("idx", out var idx) && idx.TryGetInt32(out var i) ? i : position;
            var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var relative = path.GetString()!;
            if (Path.IsPathRooted(relative) || relative.Split('/', '\\').Contains(".."))
            {
                throw new ModelConfigException(file.Path, $"'{file.Path}': module path '{relative}' must stay inside the model folder.");
            }

            entries.Add(new ModuleEntry(index, name, relative, type.GetString()!));
            position++;
        }

        if (entries.Count == 0)
        {
            throw new ModelConfigException(file.Path, $"'{file.Path}' lists no modules.");
        }

        return entries.OrderBy(e => e.Index).ToArray();
    }
}
