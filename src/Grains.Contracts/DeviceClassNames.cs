namespace Similarity.Grains.Contracts;

/// <summary>Names used on the command line, in grain keys and in silo metadata (<c>cpu</c>, <c>gpu</c>).</summary>
public static class DeviceClassNames
{
    public static string Name(this DeviceClass device) => device switch
    {
        DeviceClass.Cpu => "cpu",
        DeviceClass.Gpu => "gpu",
        _ => throw new ArgumentOutOfRangeException(nameof(device), device, null),
    };

    public static DeviceClass Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "cpu" => DeviceClass.Cpu,
        "gpu" or "cuda" => DeviceClass.Gpu,
        _ => throw new ArgumentException($"Unknown device class '{name}'; expected cpu or gpu.", nameof(name)),
    };
}
