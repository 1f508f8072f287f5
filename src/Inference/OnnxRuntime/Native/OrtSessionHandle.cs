using System.Runtime.InteropServices;

namespace Similarity.Inference.OnnxRuntime.Native;

/// <summary>
/// Owns an <c>OrtSession*</c>; released exactly once, by Dispose or the finaliser. Reports the model's size to the GC as
/// memory pressure so abandoned sessions (native memory the GC cannot see) still get collected promptly.
/// </summary>
internal sealed unsafe class OrtSessionHandle : SafeHandle
{
    private readonly OrtApi _api;
    private readonly long _pressure;

    public OrtSessionHandle(OrtApi api, nint session, long nativeBytes)
        : base(0, ownsHandle: true)
    {
        _api = api;
        SetHandle(session);
        _pressure = Math.Max(nativeBytes, 1);
        GC.AddMemoryPressure(_pressure);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        _api.ReleaseSession(handle);
        GC.RemoveMemoryPressure(_pressure);
        return true;
    }
}
