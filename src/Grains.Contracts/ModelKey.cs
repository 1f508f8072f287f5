using System.Globalization;

namespace Similarity.Grains.Contracts;

/// <summary>
/// Which model a worker grain runs and on which device class, and which of the model's lanes: the key of encoder and
/// cross-encoder grains (<c>minilm/cpu/3</c>). The placement filter reads the model and device to pick the silos that
/// serve both; the lane only spreads calls. A client sends each key through one gateway and a stateless worker runs on
/// the silo that received the call, so callers spread their requests over lanes to spread them over silos.
/// </summary>
public readonly record struct ModelKey
{
    private const char Separator = '/';

    public ModelKey(string model, DeviceClass device, int lane = 0)
    {
        Model = ModelNames.Validate(model);
        Device = device;
        ArgumentOutOfRangeException.ThrowIfNegative(lane);
        Lane = lane;
    }

    public string Model { get; }

    public DeviceClass Device { get; }

    public int Lane { get; }

    /// <summary>The same model and device on another lane.</summary>
    public ModelKey OnLane(int lane) => new(Model, Device, lane);

    /// <summary>The grain key, <c>MODEL/DEVICE/LANE</c>: model names never contain '/'.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Model}{Separator}{Device.Name()}{Separator}{Lane}");

    /// <summary>Reads a grain key written by <see cref="ToString"/>; throws <see cref="FormatException"/> naming the key otherwise.</summary>
    public static ModelKey Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split(Separator);
        if (parts.Length != 3
            || !ModelNames.IsValid(parts[0])
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var lane))
        {
            throw new FormatException($"'{key}' is not a model key (MODEL/DEVICE/LANE, e.g. minilm/cpu/0)");
        }

        try
        {
            return new ModelKey(parts[0], DeviceClassNames.Parse(parts[1]), lane);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{key}' is not a model key: {e.Message}", e);
        }
    }
}
