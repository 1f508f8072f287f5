using System.Runtime.ExceptionServices;

namespace Similarity.Grains.Kernels;

/// <summary>
/// Runs a kernel's independent work items on up to <see cref="KernelOptions.MaxDegreeOfParallelism"/> threads. On one
/// thread (or for one item) the items run inline with nothing allocated, so warm single-threaded kernel calls allocate nothing.
/// </summary>
internal static class KernelParallel
{
    public static void For<TWork>(int items, KernelOptions options, TWork work)
        where TWork : struct, IKernelWork
    {
        if (items <= 0)
        {
            return;
        }

        if (items == 1 || options.MaxDegreeOfParallelism == 1)
        {
            for (var item = 0; item < items; item++)
            {
                work.Run(item);
            }

            return;
        }

        Parallel<TWork>(items, options, work);
    }

    private static void Parallel<TWork>(int items, KernelOptions options, TWork work)
        where TWork : struct, IKernelWork
    {
        try
        {
            System.Threading.Tasks.Parallel.For(0, items, options.ParallelOptions(), item => work.Run(item));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }
}
