using System.Text.Json;
using Xunit;

namespace Similarity.TestSupport;

/// <summary>
/// A fixture model folder and its PyTorch reference, shared/fixtures/reference/models/&lt;model&gt;.json (see the
/// fixtures README §3.3): the sentences and pairs, the padded batch the tokenizer produced, and the expected rows.
/// </summary>
public sealed class ModelReference
{
    private static readonly Dictionary<string, ModelReference> Cache = [];
    private readonly JsonElement _root;

    private ModelReference(string model, JsonElement root)
    {
        Model = model;
        _root = root;
        InputIds = Matrix("input_ids");
        AttentionMask = Matrix("attention_mask");
        TokenTypeIds = Matrix("token_type_ids");
        Lengths = _root.GetProperty("lengths").EnumerateArray().Select(e => e.GetInt32()).ToArray();
    }

    /// <summary>How far a value computed here may be from the PyTorch reference.</summary>
    public const double Tolerance = 1e-4;

    public string Model { get; }

    public string Folder => SharedFolder.Model(Model);

    public long[][] InputIds { get; }

    public long[][] AttentionMask { get; }

    public long[][] TokenTypeIds { get; }

    public int[] Lengths { get; }

    public int BatchSize => InputIds.Length;

    public int SequenceLength => InputIds[0].Length;

    public int PadTokenId => _root.GetProperty("pad_token_id").GetInt32();

    public int MaxSequenceLength => _root.GetProperty("max_seq_length").GetInt32();

    public IReadOnlyList<string> OnnxInputs => _root.GetProperty("onnx_inputs").EnumerateArray().Select(e => e.GetString()!).ToArray();

    public IReadOnlyList<string> Sentences => _root.GetProperty("sentences").EnumerateArray().Select(e => e.GetString()!).ToArray();

    public IReadOnlyList<(string First, string Second)> Pairs =>
        _root.GetProperty("pairs").EnumerateArray().Select(p => (p[0].GetString()!, p[1].GetString()!)).ToArray();

    public static ModelReference Load(string model)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(model, out var reference))
            {
                using var stream = File.OpenRead(SharedFolder.Fixture("reference", "models", model + ".json"));
                using var document = JsonDocument.Parse(stream);
                reference = new ModelReference(model, document.RootElement.Clone());
                Cache[model] = reference;
            }

            return reference;
        }
    }

    /// <summary>A row-major [sentences × width] float table (pooled, dense, sentence_embeddings, logits, softmax, extra_pooling.*).</summary>
    public float[][] Rows(string key)
    {
        var element = _root;
        foreach (var part in key.Split('.'))
        {
            element = element.GetProperty(part);
        }

        return element.EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();
    }

    /// <summary>Token embeddings of sentence <paramref name="index"/>, unpadded positions only: [length × hidden].</summary>
    public float[][] TokenEmbeddings(int index) =>
        _root.GetProperty("token_embeddings")[index].EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();

    /// <summary>The unpadded token ids of input <paramref name="index"/> as the tokenizer produced them.</summary>
    public int[] Ids(int index) => InputIds[index].Take(Lengths[index]).Select(v => (int)v).ToArray();

    public int[] TypeIds(int index) => TokenTypeIds[index].Take(Lengths[index]).Select(v => (int)v).ToArray();

    public static double MaxAbsDifference(ReadOnlySpan<float> actual, IReadOnlyList<float> expected)
    {
        Assert.Equal(expected.Count, actual.Length);
        double worst = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]));
        }

        return worst;
    }

    private long[][] Matrix(string name) =>
        _root.GetProperty("padded_batch").GetProperty(name).EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetInt64()).ToArray()).ToArray();
}
