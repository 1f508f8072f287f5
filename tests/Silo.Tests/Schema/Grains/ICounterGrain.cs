namespace Similarity.Silo.Tests.Schema.Grains;

/// <summary>A count kept in grain state through the ADO.NET grain storage under test.</summary>
public interface ICounterGrain : IGrain
{
    Task<int> Add(int amount);

    Task<int> Read();

    /// <summary>Which activation answers: a new one after <see cref="Deactivate"/>.</summary>
    Task<string> Activation();

    /// <summary>Clears the stored state.</summary>
    Task Forget();

    /// <summary>Ends this activation after the call, so the next call reads the state from storage again.</summary>
    Task Deactivate();
}

/// <summary>A counter with a string key: the storage keeps the key as text.</summary>
public interface INamedCounterGrain : ICounterGrain, IGrainWithStringKey;

/// <summary>A counter with an integer key: the storage keeps the key as numbers and no text.</summary>
public interface INumberedCounterGrain : ICounterGrain, IGrainWithIntegerKey;
