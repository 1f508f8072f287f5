namespace Similarity.Inference.OnnxRuntime;

/// <summary>Where a session runs its kernels.</summary>
public enum OnnxExecutionProvider
{
    Cpu = 0,

    /// <summary>NVIDIA GPUs through ORT's CUDA provider: needs the gpu build flavour, and CUDA 13, cuBLAS 13 and cuDNN 9 on the machine.</summary>
    Cuda = 1,
}
