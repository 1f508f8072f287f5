namespace Similarity.Silo.Tests.Schema.Grains;

/// <summary>Counts the ticks of one reminder kept by the ADO.NET reminder service under test.</summary>
public interface IReminderProbeGrain : IGrainWithIntegerKey
{
    Task Start(TimeSpan period);

    Task<int> Ticks();

    Task<bool> IsRegistered();

    Task Stop();
}
