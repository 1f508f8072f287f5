namespace Similarity.Grains.Datasets;

/// <summary>A suite, folder, file or split that does not exist; the message lists what does.</summary>
public sealed class DatasetNotFoundException : DatasetException
{
    public DatasetNotFoundException(string message)
        : base(message)
    {
    }
}
