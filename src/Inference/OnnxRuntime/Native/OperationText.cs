using System.Runtime.CompilerServices;

namespace Similarity.Inference.OnnxRuntime.Native;

/// <summary>
/// Describes the operation an ORT call performs, for error messages: formatted only when the call failed, so checking
/// a successful status on a hot path allocates nothing.
/// </summary>
[InterpolatedStringHandler]
internal ref struct OperationText
{
    private readonly bool _failed;
    private DefaultInterpolatedStringHandler _text;

    public OperationText(int literalLength, int formattedCount, nint status, out bool shouldAppend)
    {
        _failed = status != 0;
        shouldAppend = _failed;
        _text = _failed ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public string ToStringAndClear() => _failed ? _text.ToStringAndClear() : string.Empty;
}
