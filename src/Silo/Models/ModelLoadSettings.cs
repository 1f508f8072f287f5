using Similarity.Grains.Contracts;
using Similarity.Inference.Batching;

namespace Similarity.Silo.Models;

/// <summary>How a silo wants its models run: the device class, and how the batcher cuts, merges and runs batches.</summary>
public sealed record ModelLoadSettings(DeviceClass Device, BatchingOptions Batching)
{
    /// <summary>The CPU with the batcher's defaults.</summary>
    public static ModelLoadSettings Default { get; } = new(DeviceClass.Cpu, new BatchingOptions());
}
