using Orleans.Runtime.MembershipService.SiloMetadata;
using Similarity.Grains.Contracts;

namespace Similarity.Grains.Placement;

/// <summary>
/// What a silo serves, as it publishes it in Orleans silo metadata (<c>UseSiloMetadata</c>): its device class, the
/// names of its models and its HTTP address. Placement and the cluster directory read it back.
/// </summary>
public sealed record SiloRole(DeviceClass? Device, IReadOnlySet<string> Models, string? HttpEndpoint)
{
    public const string DeviceKey = "similarity.device";
    public const string ModelsKey = "similarity.models";
    public const string HttpKey = "similarity.http";

    public static SiloRole None { get; } = new(null, new HashSet<string>(), null);

    public bool Serves(ModelKey key) => Device == key.Device && Models.Contains(key.Model);

    /// <summary>The metadata entries a silo publishes.</summary>
    public Dictionary<string, string> ToMetadata()
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ModelsKey] = string.Join(',', Models.Order(StringComparer.Ordinal)),
        };
        if (Device is { } device)
        {
            entries[DeviceKey] = device.Name();
        }

        if (HttpEndpoint is { } http)
        {
            entries[HttpKey] = http;
        }

        return entries;
    }

    /// <summary>Reads a silo's role back; a silo that published none (or something unreadable) serves nothing.</summary>
    public static SiloRole Of(SiloMetadata metadata)
    {
        var entries = metadata.Metadata;
        DeviceClass? device = null;
        if (entries.TryGetValue(DeviceKey, out var deviceName))
        {
            try
            {
                device = DeviceClassNames.Parse(deviceName);
            }
            catch (ArgumentException)
            {
                return None;
            }
        }

        var models = entries.TryGetValue(ModelsKey, out var names)
            ? names.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : [];
        return new SiloRole(device, models, entries.GetValueOrDefault(HttpKey));
    }
}
