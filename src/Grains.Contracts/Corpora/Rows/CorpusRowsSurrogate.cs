using System.Runtime.InteropServices;

namespace Similarity.Grains.Contracts.Corpora.Rows;

/// <summary>How <see cref="CorpusRows"/> travel: shape, precision, and ids and values as little-endian byte blocks.</summary>
[GenerateSerializer]
public struct CorpusRowsSurrogate
{
    [Id(0)]
    public int Dimension;

    [Id(1)]
    public StoragePrecision Precision;

    [Id(2)]
    public byte[] Ids;

    [Id(3)]
    public byte[] Values;
}

/// <summary>Converts <see cref="CorpusRows"/> to and from <see cref="CorpusRowsSurrogate"/> for Orleans' serializer.</summary>
[RegisterConverter]
public sealed class CorpusRowsSurrogateConverter : IConverter<CorpusRows, CorpusRowsSurrogate>
{
    public CorpusRows ConvertFromSurrogate(in CorpusRowsSurrogate surrogate)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("corpus rows travel as little-endian blocks; this machine is big-endian");
        }

        var ids = MemoryMarshal.Cast<byte, long>(surrogate.Ids).ToArray();
        var width = surrogate.Precision.BytesPerValue();
        if (surrogate.Dimension < 0 || surrogate.Values.LongLength != (long)ids.Length * surrogate.Dimension * width)
        {
            throw new InvalidDataException(
                $"{ids.Length} corpus rows of {surrogate.Dimension} {surrogate.Precision.Name()} values arrived with {surrogate.Values.LongLength} bytes");
        }

        return surrogate.Precision == StoragePrecision.Float16
            ? new CorpusRows(surrogate.Dimension, ids, MemoryMarshal.Cast<byte, Half>(surrogate.Values).ToArray())
            : new CorpusRows(surrogate.Dimension, ids, MemoryMarshal.Cast<byte, float>(surrogate.Values).ToArray());
    }

    public CorpusRowsSurrogate ConvertToSurrogate(in CorpusRows value)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("corpus rows travel as little-endian blocks; this machine is big-endian");
        }

        var values = value.Single is { } single ? MemoryMarshal.AsBytes(single.AsSpan()) : MemoryMarshal.AsBytes(value.Half!.AsSpan());
        return new CorpusRowsSurrogate
        {
            Dimension = value.Dimension,
            Precision = value.Precision,
            Ids = MemoryMarshal.AsBytes(value.Ids.AsSpan()).ToArray(),
            Values = values.ToArray(),
        };
    }
}
