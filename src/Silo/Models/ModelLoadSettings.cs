using Similarity.Grains.Contracts;

namespace Similarity.Silo.Models;

/// <summary>How a silo wants its models run: the device and the batcher's token budget and wait.</summary>
public sealed record ModelLoadSettings(DeviceClass Device, int BatchTokens, TimeSpan MaxBatchWait);
