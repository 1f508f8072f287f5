namespace Similarity.Inference.Models.Dense;

/// <summary>Element-wise activation functions, named as their torch.nn classes are (the last part of the class path).</summary>
public enum Activation
{
    Identity,
    Tanh,
    Sigmoid,
    ReLU,

    /// <summary>torch's default GELU: x·Φ(x) with the exact normal CDF.</summary>
    GELU,
    SiLU,
    LeakyReLU,
    ELU,
    Softplus,
    Softsign,
    Hardtanh,
    Mish,
}
