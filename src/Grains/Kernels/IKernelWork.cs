namespace Similarity.Grains.Kernels;

/// <summary>One of a kernel call's independent work items (a band of rows, a chunk of rows to pack), run by <see cref="KernelParallel"/>.</summary>
internal interface IKernelWork
{
    void Run(int item);
}
