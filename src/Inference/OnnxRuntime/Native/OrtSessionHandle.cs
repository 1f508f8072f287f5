using System.Runtime.InteropServices;

namespace Similarity.Inference.OnnxRuntime.Native;

/// <summary>Owns an <c>OrtSession*</c>; released exactly once, by Dispose or the finaliser.</summary>
internal sealed unsafe class OrtSessionHandle : SafeHandle
{
    private readonly OrtApi _api;

    public OrtSessionHandle(OrtApi api, nint session)
        : base(0, ownsHandle: true)
    {
        _api = api;
        SetHandle(session);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        _api.ReleaseSession(handle);
        return true;
    }
}
