using System.Text.Json;

namespace Similarity.Inference.Models.Folders;

/// <summary>Recognises model folders and finds the files inside them that several modules share.</summary>
public static class ModelFolder
{
    public const string ModulesFile = "modules.json";
    public const string ConfigFileName = "config.json";
    public const string TokenizerJson = "tokenizer.json";
    public const string VocabularyFile = "vocab.txt";

    /// <summary>Which layout <paramref name="folder"/> has; <see cref="NotAModelFolderException"/> if neither.</summary>
    public static ModelFolderKind Detect(string folder)
    {
        RequireFolder(folder);
        if (File.Exists(Path.Combine(folder, ModulesFile)))
        {
            return ModelFolderKind.SentenceTransformer;
        }

        var configPath = Path.Combine(folder, ConfigFileName);
        if (File.Exists(configPath) && IsClassifierConfig(ConfigFile.Read(configPath, "the cross-encoder")))
        {
            return ModelFolderKind.CrossEncoder;
        }

        throw new NotAModelFolderException(
            folder,
            File.Exists(configPath)
                ? $"'{folder}' is not a model folder: it has no {ModulesFile} (sentence-transformers) and its {ConfigFileName} declares no labels (id2label/num_labels) for a cross-encoder."
                : $"'{folder}' is not a model folder: it has neither {ModulesFile} (sentence-transformers) nor {ConfigFileName} (cross-encoder).");
    }

    /// <summary>The ONNX graph of a module: <c>onnx/model.onnx</c>, else <c>model.onnx</c>, inside <paramref name="moduleFolder"/>.</summary>
    public static string OnnxModel(string moduleFolder)
    {
        var preferred = Path.Combine(moduleFolder, "onnx", "model.onnx");
        if (File.Exists(preferred))
        {
            return preferred;
        }

        var flat = Path.Combine(moduleFolder, "model.onnx");
        if (File.Exists(flat))
        {
            return flat;
        }

        throw new ModelFileNotFoundException(preferred, $"Missing '{preferred}' (nor is there '{flat}'): the folder has no ONNX export of its transformer. Export it with optimum or torch.onnx.");
    }

    /// <summary>
    /// The tokenizer a module folder ships: its <c>tokenizer.json</c>, else a BERT <c>vocab.txt</c> (read with the folder's
    /// tokenizer_config.json); the tokenizer.json path when it has neither, so the error names what is missing.
    /// </summary>
    public static string TokenizerFile(string moduleFolder)
    {
        var json = Path.Combine(moduleFolder, TokenizerJson);
        var vocabulary = Path.Combine(moduleFolder, VocabularyFile);
        return !File.Exists(json) && File.Exists(vocabulary) ? vocabulary : json;
    }

    /// <summary>How reports name a model folder: its last path segment.</summary>
    public static string DisplayName(string folder) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));

    /// <summary>
    /// The id that pads sequences: tokenizer.json's padding.pad_id, else the id of the configured pad token (in tokenizer.json,
    /// or the line of vocab.txt), else config.json's pad_token_id, else 0.
    /// </summary>
    public static long PadTokenId(string folder)
    {
        var tokenizer = ConfigFile.ReadOptional(Path.Combine(folder, TokenizerJson))?.Root;
        if (tokenizer is null && File.Exists(Path.Combine(folder, VocabularyFile)) && VocabularyLine(folder, PadTokenText(folder) ?? "[PAD]") is { } line)
        {
            return line;
        }

        if (tokenizer is { ValueKind: JsonValueKind.Object } root)
        {
            if (root.TryGetProperty("padding", out var padding) && padding.ValueKind == JsonValueKind.Object
                && padding.TryGetProperty("pad_id", out var padId) && padId.TryGetInt64(out var id))
            {
                return id;
            }

            if (PadTokenText(folder) is { } padToken && TokenId(root, padToken) is { } tokenId)
            {
                return tokenId;
            }
        }

        var config = ConfigFile.ReadOptional(Path.Combine(folder, ConfigFileName));
        return config?.OptionalInt("pad_token_id") ?? 0;
    }

    /// <summary>tokenizer_config.json's model_max_length capped by config.json's max_position_embeddings, or null if neither says.</summary>
    public static int? ModelMaxLength(string folder)
    {
        var fromTokenizer = ConfigFile.ReadOptional(Path.Combine(folder, "tokenizer_config.json"))?.OptionalInt("model_max_length");
        var fromModel = ConfigFile.ReadOptional(Path.Combine(folder, ConfigFileName))?.OptionalInt("max_position_embeddings");
        return (fromTokenizer, fromModel) switch
        {
            (null, null) => null,
            ({ } t, null) => t,
            (null, { } m) => m,
            ({ } t, { } m) => Math.Min(t, m),
        };
    }

    internal static bool IsClassifierConfig(ConfigFile config) =>
        config.Has("id2label") || config.Has("num_labels")
        || (config.Root.TryGetProperty("architectures", out var architectures) && architectures.ValueKind == JsonValueKind.Array
            && architectures.EnumerateArray().Any(a => a.GetString()?.EndsWith("ForSequenceClassification", StringComparison.Ordinal) == true));

    internal static void RequireFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new NotAModelFolderException(folder, File.Exists(folder)
                ? $"'{folder}' is a file, not a model folder."
                : $"Model folder '{folder}' does not exist.");
        }
    }

    private static string? PadTokenText(string folder)
    {
        foreach (var name in new[] { "tokenizer_config.json", "special_tokens_map.json" })
        {
            var file = ConfigFile.ReadOptional(Path.Combine(folder, name));
            if (file is not null && file.Root.ValueKind == JsonValueKind.Object && file.Root.TryGetProperty("pad_token", out var token))
            {
                if (token.ValueKind == JsonValueKind.String)
                {
                    return token.GetString();
                }

                if (token.ValueKind == JsonValueKind.Object && token.TryGetProperty("content", out var content))
                {
                    return content.GetString();
                }
            }
        }

        return null;
    }

    private static long? VocabularyLine(string folder, string token)
    {
        long line = 0;
        foreach (var entry in File.ReadLines(Path.Combine(folder, VocabularyFile)))
        {
            if (entry.TrimEnd('\r') == token)
            {
                return line;
            }

            line++;
        }

        return null;
    }

    private static long? TokenId(JsonElement tokenizer, string token)
    {
        if (tokenizer.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in added.EnumerateArray())
            {
                if (entry.TryGetProperty("content", out var content) && content.GetString() == token && entry.TryGetProperty("id", out var id))
                {
                    return id.GetInt64();
                }
            }
        }

        if (tokenizer.TryGetProperty("model", out var model) && model.TryGetProperty("vocab", out var vocab))
        {
            if (vocab.ValueKind == JsonValueKind.Object && vocab.TryGetProperty(token, out var id))
            {
                return id.GetInt64();
            }

            if (vocab.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var piece in vocab.EnumerateArray())
                {
                    if (piece.ValueKind == JsonValueKind.Array && piece[0].GetString() == token)
                    {
                        return index;
                    }

                    index++;
                }
            }
        }

        return null;
    }
}
