using System.Numerics.Tensors;

namespace Similarity.Inference.Models.Dense;

/// <summary>Parses torch class names into <see cref="Activation"/> and applies them in place.</summary>
public static class ActivationFunction
{
    /// <summary>Reads e.g. "torch.nn.modules.activation.Tanh" or "torch.nn.modules.linear.Identity"; null if unknown.</summary>
    public static Activation? Parse(string torchClassName)
    {
        ArgumentNullException.ThrowIfNull(torchClassName);
        var name = torchClassName[(torchClassName.LastIndexOf('.') + 1)..];
        return Enum.TryParse<Activation>(name, ignoreCase: false, out var activation) && Enum.IsDefined(activation) ? activation : null;
    }

    /// <summary>Applies <paramref name="activation"/> to every value (torch's default parameters).</summary>
    public static void Apply(Activation activation, Span<float> values)
    {
        switch (activation)
        {
            case Activation.Identity:
                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(values, values);
                break;
            case Activation.Sigmoid:
                TensorPrimitives.Sigmoid(values, values);
                break;
            case Activation.ReLU:
                TensorPrimitives.Max(values, 0f, values);
                break;
            case Activation.GELU:
                foreach (ref var x in values)
                {
                    x = (float)(0.5 * x * (1.0 + Erf(x / Math.Sqrt(2.0))));
                }

                break;
            case Activation.SiLU:
                foreach (ref var x in values)
                {
                    x /= 1f + MathF.Exp(-x);
                }

                break;
            case Activation.LeakyReLU:
                foreach (ref var x in values)
                {
                    x = x >= 0 ? x : 0.01f * x;
                }

                break;
            case Activation.ELU:
                foreach (ref var x in values)
                {
                    x = x > 0 ? x : MathF.Exp(x) - 1f;
                }

                break;
            case Activation.Softplus:
                foreach (ref var x in values)
                {
                    x = x > 20f ? x : MathF.Log(1f + MathF.Exp(x));
                }

                break;
            case Activation.Softsign:
                foreach (ref var x in values)
                {
                    x /= 1f + MathF.Abs(x);
                }

                break;
            case Activation.Hardtanh:
                TensorPrimitives.Clamp(values, -1f, 1f, values);
                break;
            case Activation.Mish:
                foreach (ref var x in values)
                {
                    var softplus = x > 20f ? x : MathF.Log(1f + MathF.Exp(x));
                    x *= MathF.Tanh(softplus);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
        }
    }

    /// <summary>The error function (Numerical Recipes' erfc Chebyshev fit, relative error below 1.2e-7).</summary>
    internal static double Erf(double x)
    {
        ReadOnlySpan<double> coefficients = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * z));
        var polynomial = 0.0;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            polynomial = coefficients[i] + (t * polynomial);
        }

        var erfc = t * Math.Exp(-(z * z) + polynomial);
        return x >= 0 ? 1.0 - erfc : erfc - 1.0;
    }
}
