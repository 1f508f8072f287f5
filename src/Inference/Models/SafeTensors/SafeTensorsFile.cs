using System.Buffers.Binary;
using System.Text.Json;

namespace Similarity.Inference.Models.SafeTensors;

/// <summary>
/// Reads the safetensors format: an 8-byte little-endian header length, a JSON header mapping names to
/// {dtype, shape, data_offsets}, then the raw data. Every offset and size is checked; errors name the file.
/// </summary>
public sealed class SafeTensorsFile
{
    private readonly Dictionary<string, SafeTensor> _tensors;

    private SafeTensorsFile(string path, Dictionary<string, SafeTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        _tensors = tensors;
        Metadata = metadata;
    }

    public string Path { get; }

    public IReadOnlyCollection<string> Names => _tensors.Keys;

    /// <summary>The optional <c>__metadata__</c> string map.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public static SafeTensorsFile Read(string path) => Parse(path, File.ReadAllBytes(path));

    /// <summary>Parses safetensors bytes; <paramref name="path"/> is only used in error messages.</summary>
    public static SafeTensorsFile Parse(string path, byte[] bytes)
    {
        if (bytes.Length < 8)
        {
            throw Malformed(path, $"it has {bytes.Length} bytes, fewer than the 8-byte header length");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8))
        {
            throw Malformed(path, $"the header claims {headerLength} bytes but only {bytes.Length - 8} follow");
        }

        var dataStart = 8 + (int)headerLength;
        var dataLength = bytes.Length - dataStart;
        var tensors = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonDocument header;
        try
        {
            header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        }
        catch (JsonException e)
        {
            throw Malformed(path, $"its JSON header is invalid ({e.Message})");
        }

        using (header)
        {
            if (header.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(path, "its JSON header is not an object");
            }

            foreach (var entry in header.RootElement.EnumerateObject())
            {
                if (entry.Name == "__metadata__")
                {
                    foreach (var item in entry.Value.EnumerateObject())
                    {
                        metadata[item.Name] = item.Value.ToString();
                    }

                    continue;
                }

                tensors[entry.Name] = ReadTensor(path, entry, bytes, dataStart, dataLength);
            }
        }

        return new SafeTensorsFile(path, tensors, metadata);
    }

    public bool Contains(string name) => _tensors.ContainsKey(name);

    public SafeTensor Tensor(string name) =>
        _tensors.TryGetValue(name, out var tensor)
            ? tensor
            : throw new KeyNotFoundException($"'{Path}' has no tensor '{name}'; it has {string.Join(", ", _tensors.Keys.Order(StringComparer.Ordinal))}.");

    private static SafeTensor ReadTensor(string path, JsonProperty entry, byte[] bytes, int dataStart, int dataLength)
    {
        var name = entry.Name;
        try
        {
            var dataType = entry.Value.GetProperty("dtype").GetString() ?? string.Empty;
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var elementSize = SafeTensor.ElementSize(dataType);
            if (elementSize == 0)
            {
                throw Malformed(path, $"tensor '{name}' has unknown dtype '{dataType}'");
            }

            if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > dataLength)
            {
                throw Malformed(path, $"tensor '{name}' has data_offsets [{string.Join(", ", offsets)}] outside the {dataLength} data bytes");
            }

            long elements = 1;
            foreach (var dimension in shape)
            {
                if (dimension < 0)
                {
                    throw Malformed(path, $"tensor '{name}' has a negative dimension");
                }

                elements = checked(elements * dimension);
            }

            if (elements * elementSize != offsets[1] - offsets[0])
            {
                throw Malformed(path, $"tensor '{name}' of shape [{string.Join(", ", shape)}] {dataType} needs {elements * elementSize} bytes but spans {offsets[1] - offsets[0]}");
            }

            return new SafeTensor(name, dataType, shape, bytes.AsMemory(dataStart + (int)offsets[0], (int)(offsets[1] - offsets[0])));
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw Malformed(path, $"tensor '{name}' lacks a valid dtype, shape or data_offsets ({e.Message})");
        }
    }

    private static InvalidDataException Malformed(string path, string problem) => new($"'{path}' is not a valid safetensors file: {problem}.");
}
