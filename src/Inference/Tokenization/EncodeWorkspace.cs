using Similarity.Inference.Tokenization.Models;
using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization;

/// <summary>Everything one encode call writes to, kept per thread and reused so encoding allocates little beyond its result.</summary>
internal sealed class EncodeWorkspace
{
    [ThreadStatic]
    private static EncodeWorkspace? t_current;

    public TextArena Arena { get; } = new();

    public PreTokenizedString Splits { get; } = new();

    public List<ModelToken> ModelTokens { get; } = [];

    public EncodingBuffer First { get; } = new();

    public EncodingBuffer Second { get; } = new();

    public EncodingBuffer Output { get; } = new();

    /// <summary>This thread's workspace, cleared.</summary>
    public static EncodeWorkspace Rent()
    {
        var workspace = t_current ??= new EncodeWorkspace();
        workspace.Arena.Reset();
        workspace.First.Clear();
        workspace.Second.Clear();
        workspace.Output.Clear();
        return workspace;
    }
}
