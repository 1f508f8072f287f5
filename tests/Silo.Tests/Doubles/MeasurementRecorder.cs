using System.Diagnostics.Metrics;

namespace Similarity.Silo.Tests.Doubles;

/// <summary>Records what one instrument of one meter measures, with its tags, while it is alive.</summary>
public sealed class MeasurementRecorder<T> : IDisposable
    where T : struct
{
    private readonly MeterListener _listener = new();
    private readonly List<(T Value, Dictionary<string, object?> Tags)> _measurements = [];

    public MeasurementRecorder(IMeterFactory meters, string meterName, string instrument)
    {
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Meter.Name == meterName && published.Name == instrument && published.Meter.Scope == meters)
            {
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<T>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            lock (_measurements)
            {
                _measurements.Add((value, copy));
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<(T Value, Dictionary<string, object?> Tags)> Measurements
    {
        get
        {
            lock (_measurements)
            {
                return [.. _measurements];
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
