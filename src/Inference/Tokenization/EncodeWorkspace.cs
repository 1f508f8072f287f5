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

    /// <summary>This thread's workspace, cleared; its encodings keep only ids and type ids when <paramref name="idsOnly"/>.</summary>
    public static EncodeWorkspace Rent(bool idsOnly)
    {
        var workspace = t_current ??= new EncodeWorkspace();
        workspace.Arena.Reset();
        workspace.First.Clear(idsOnly);
        workspace.Second.Clear(idsOnly);
        workspace.Output.Clear(idsOnly);
        return workspace;
    }
}
