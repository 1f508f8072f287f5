namespace Similarity.Inference.OnnxRuntime;

/// <summary>How much ONNX Runtime rewrites the graph when a session loads (ORT's <c>GraphOptimizationLevel</c>).</summary>
public enum OnnxGraphOptimization
{
    Disabled = 0,
    Basic = 1,
    Extended = 2,
    All = 99,
}
