namespace Similarity.Grains.Contracts.Corpora;

/// <summary>The names of <see cref="StoragePrecision"/> on the command line and in JSON (<c>float32</c>, <c>float16</c>), and their sizes.</summary>
public static class StoragePrecisionNames
{
    public static string Name(this StoragePrecision precision) => precision switch
    {
        StoragePrecision.Float32 => "float32",
        StoragePrecision.Float16 => "float16",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };

    /// <summary>Bytes one embedding value takes in storage and in memory.</summary>
    public static int BytesPerValue(this StoragePrecision precision) => precision == StoragePrecision.Float16 ? 2 : 4;

    /// <summary>Reads <c>float32</c> or <c>float16</c>; anything else is an <see cref="ArgumentException"/> naming the value.</summary>
    public static StoragePrecision Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "float32" or "f32" => StoragePrecision.Float32,
        "float16" or "f16" or "half" => StoragePrecision.Float16,
        _ => throw new ArgumentException($"unknown precision '{name}'; expected float32 or float16", nameof(name)),
    };
}
