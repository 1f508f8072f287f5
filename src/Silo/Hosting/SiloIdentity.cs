using Similarity.Grains.Contracts;

namespace Similarity.Silo.Hosting;

/// <summary>Who this silo is: its cluster, id, host, process and device class, fixed for the process's life.</summary>
public sealed record SiloIdentity(string ClusterId, string SiloId, string HostName, int ProcessId, DeviceClass Device, DateTimeOffset StartedAt)
{
    public static SiloIdentity Create(SiloOptions options)
    {
        var host = Environment.MachineName.ToLowerInvariant();
        var id = options.SiloId ?? $"{host}-{Environment.ProcessId}-{Random.Shared.Next(0x10000):x4}";
        return new SiloIdentity(options.ClusterId, id, host, Environment.ProcessId, options.DeviceClass, DateTimeOffset.UtcNow);
    }
}
