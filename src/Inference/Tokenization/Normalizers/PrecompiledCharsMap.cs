using System.Buffers.Binary;

namespace Similarity.Inference.Tokenization.Normalizers;

/// <summary>
/// SentencePiece's compiled normalization rules (the <c>precompiled_charsmap</c> blob): a little-endian u32
/// trie size, a darts-clone double-array trie over UTF-8 bytes, then a pool of NUL-terminated replacement
/// strings the trie's values point into.
/// </summary>
internal sealed class PrecompiledCharsMap
{
    private readonly uint[] _units;
    private readonly byte[] _pool;

    private PrecompiledCharsMap(uint[] units, byte[] pool)
    {
        _units = units;
        _pool = pool;
    }

    /// <summary>Parses the decoded blob; throws <see cref="FormatException"/> when it is not one.</summary>
    public static PrecompiledCharsMap Parse(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 4)
        {
            throw new FormatException("the charsmap is shorter than its 4-byte header");
        }

        var trieBytes = BinaryPrimitives.ReadUInt32LittleEndian(blob);
        if (trieBytes % 4 != 0 || trieBytes > (uint)(blob.Length - 4) || trieBytes == 0)
        {
            throw new FormatException($"the charsmap declares a trie of {trieBytes} bytes in a blob of {blob.Length}");
        }

        var units = new uint[trieBytes / 4];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = BinaryPrimitives.ReadUInt32LittleEndian(blob[(4 + (i * 4))..]);
        }

        var pool = blob[(4 + (int)trieBytes)..].ToArray();
        try
        {
            _ = new System.Text.UTF8Encoding(false, true).GetCharCount(pool);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new FormatException("the charsmap's replacement strings are not valid UTF-8");
        }

        return new PrecompiledCharsMap(units, pool);
    }

    /// <summary>
    /// The replacement for <paramref name="utf8"/> under the shortest rule matching a prefix of it (the
    /// <c>spm_precompiled</c> crate's <c>transform</c>): the whole chunk is replaced even when the rule is shorter.
    /// </summary>
    public bool TryTransform(ReadOnlySpan<byte> utf8, out ReadOnlySpan<byte> replacement)
    {
        replacement = default;
        var value = FirstPrefixValue(utf8);
        if (value < 0 || value > _pool.Length)
        {
            return false;
        }

        var tail = _pool.AsSpan(value);
        var end = tail.IndexOf((byte)0);
        replacement = end < 0 ? tail : tail[..end];
        return true;
    }

    private int FirstPrefixValue(ReadOnlySpan<byte> key)
    {
        var units = _units;
        long position = Offset(units[0]);
        foreach (var b in key)
        {
            if (b == 0)
            {
                break;
            }

            position ^= b;
            if ((ulong)position >= (ulong)units.Length)
            {
                return -1;
            }

            var unit = units[position];
            if ((unit & 0x800000FFu) != b)
            {
                return -1;
            }

            position ^= Offset(unit);
            if (((unit >> 8) & 1) == 1)
            {
                return (ulong)position < (ulong)units.Length ? (int)(units[position] & 0x7FFFFFFFu) : -1;
            }
        }

        return -1;
    }

    private static long Offset(uint unit) => (long)(unit >> 10) << (int)((unit & (1u << 9)) >> 6);
}
