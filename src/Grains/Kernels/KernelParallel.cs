using System.Runtime.ExceptionServices;

namespace Similarity.Grains.Kernels;

/// <summary>Runs a kernel's independent work items on up to <see cref="KernelOptions.MaxDegreeOfParallelism"/> threads; one item runs inline.</summary>
internal static class KernelParallel
{
    public static void For(int items, KernelOptions options, Action<int> body)
    {
        if (items <= 0)
        {
            return;
        }

        if (items == 1 || options.MaxDegreeOfParallelism == 1)
        {
            for (var item = 0; item < items; item++)
            {
                body(item);
            }

            return;
        }

        try
        {
            Parallel.For(0, items, options.ParallelOptions(), body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }
}
