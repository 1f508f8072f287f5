namespace Similarity.Grains.Datasets;

/// <summary>Base of the errors a benchmark data set raises, so callers (the CLI) can report them as user errors.</summary>
public abstract class DatasetException : Exception
{
    protected DatasetException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
