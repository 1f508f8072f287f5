namespace Similarity.Silo.Fabric;

/// <summary>Turns reply bytes into a result while they are still valid (they may live in a transport's buffer).</summary>
public delegate T ReplyDecoder<out T>(ReadOnlySpan<byte> reply);
