using System.Text.Json;

namespace Similarity.Silo.Models;

/// <summary>Recognises a model folder's layout before anything is loaded, so a wrong path fails with a clear message.</summary>
public static class ModelFolder
{
    public static ModelFolderKind Inspect(ModelBinding binding)
    {
        var path = binding.Path;
        if (!Directory.Exists(path))
        {
            throw new ModelLoadException($"model '{binding.Name}': folder not found: {path}");
        }

        if (File.Exists(Path.Combine(path, "modules.json")))
        {
            return ModelFolderKind.SentenceTransformer;
        }

        var config = Path.Combine(path, "config.json");
        if (File.Exists(config) && HasLabels(config))
        {
            return ModelFolderKind.CrossEncoder;
        }

        throw new ModelLoadException(
            $"model '{binding.Name}': {path} is neither a sentence-transformers folder (modules.json) nor a cross-encoder (config.json with id2label or num_labels)");
    }

    private static bool HasLabels(string configPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(configPath));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("id2label", out _) || root.TryGetProperty("num_labels", out _));
        }
        catch (JsonException e)
        {
            throw new ModelLoadException($"{configPath}: invalid JSON: {e.Message}", e);
        }
    }
}
