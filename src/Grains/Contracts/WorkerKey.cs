namespace Similarity.Grains.Contracts;

/// <summary>
/// Identity of a stateless worker grain: one model on one device class. Every silo serving the same key
/// consumes the same work queue, so the key is also the queue's identity.
/// </summary>
public readonly record struct WorkerKey
{
    public WorkerKey(string model, DeviceClass device)
    {
        Model = ModelNames.Validate(model);
        Device = device;
    }

    public string Model { get; }

    public DeviceClass Device { get; }

    public override string ToString() => $"{Model}/{Device.Name()}";
}
