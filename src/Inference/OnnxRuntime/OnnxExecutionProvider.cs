namespace Similarity.Inference.OnnxRuntime;

/// <summary>Where a session runs its kernels.</summary>
public enum OnnxExecutionProvider
{
    Cpu = 0,

    /// <summary>NVIDIA GPUs through ORT's CUDA provider (needs a GPU build of the library and its provider plug-in).</summary>
    Cuda = 1,
}
