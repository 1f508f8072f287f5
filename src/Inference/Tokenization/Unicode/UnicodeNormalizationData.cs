using System.Collections.Frozen;
using System.Globalization;

namespace Similarity.Inference.Tokenization.Unicode;

/// <summary>
/// The Unicode facts normalization needs and .NET does not expose (in invariant-globalization mode .NET cannot
/// normalize at all): canonical combining classes, full decompositions and primary composites.
/// </summary>
internal static partial class UnicodeNormalizationData
{
    private const int HangulSyllableBase = 0xAC00;
    private const int HangulLeadBase = 0x1100;
    private const int HangulVowelBase = 0x1161;
    private const int HangulTrailBase = 0x11A7;
    private const int HangulVowelCount = 21;
    private const int HangulTrailCount = 28;
    private const int HangulLeadCount = 19;
    private const int HangulBlockCount = HangulVowelCount * HangulTrailCount;
    private const int HangulSyllableCount = HangulLeadCount * HangulBlockCount;

    private static readonly Lazy<Tables> Data = new(Parse);

    /// <summary>The canonical combining class; 0 for starters.</summary>
    public static byte CombiningClass(int codePoint)
    {
        if (codePoint < 0x300)
        {
            return 0;
        }

        var tables = Data.Value;
        var block = tables.CombiningClassBlocks[codePoint >> 8];
        return block is null ? (byte)0 : block[codePoint & 0xFF];
    }

    /// <summary>Writes the full canonical (or compatibility) decomposition of one code point; returns false when it maps to itself.</summary>
    public static bool TryDecompose(int codePoint, bool compatibility, List<int> output)
    {
        if (codePoint < 0xA0)
        {
            return false;
        }

        var index = codePoint - HangulSyllableBase;
        if ((uint)index < HangulSyllableCount)
        {
            output.Add(HangulLeadBase + (index / HangulBlockCount));
            output.Add(HangulVowelBase + (index % HangulBlockCount / HangulTrailCount));
            var trail = index % HangulTrailCount;
            if (trail != 0)
            {
                output.Add(HangulTrailBase + trail);
            }

            return true;
        }

        var tables = Data.Value;
        var map = compatibility ? tables.FullCompatibility : tables.FullCanonical;
        if (!map.TryGetValue(codePoint, out var decomposed))
        {
            return false;
        }

        output.AddRange(decomposed);
        return true;
    }

    /// <summary>The primary composite of <paramref name="first"/> and <paramref name="second"/>, or -1.</summary>
    public static int Compose(int first, int second)
    {
        var leadIndex = first - HangulLeadBase;
        if ((uint)leadIndex < HangulLeadCount)
        {
            var vowelIndex = second - HangulVowelBase;
            return (uint)vowelIndex < HangulVowelCount
                ? HangulSyllableBase + (((leadIndex * HangulVowelCount) + vowelIndex) * HangulTrailCount)
                : -1;
        }

        var syllableIndex = first - HangulSyllableBase;
        if ((uint)syllableIndex < HangulSyllableCount && syllableIndex % HangulTrailCount == 0)
        {
            var trailIndex = second - HangulTrailBase;
            return trailIndex > 0 && trailIndex < HangulTrailCount ? first + trailIndex : -1;
        }

        return Data.Value.Composites.TryGetValue(((long)first << 21) | (uint)second, out var composite) ? composite : -1;
    }

    private sealed record Tables(
        byte[]?[] CombiningClassBlocks,
        FrozenDictionary<int, int[]> FullCanonical,
        FrozenDictionary<int, int[]> FullCompatibility,
        FrozenDictionary<long, int> Composites);

    private static Tables Parse()
    {
        var blocks = new byte[]?[0x1100];
        var canonical = new Dictionary<int, int[]>();
        var compatibility = new Dictionary<int, int[]>();
        var excluded = new HashSet<int>();
        foreach (var rawLine in System.Text.Encoding.ASCII.GetString(Source).Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length < 2)
            {
                continue;
            }

            foreach (var item in line[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                switch (line[0])
                {
                    case 'C':
                        AddCombiningClass(blocks, item);
                        break;
                    case 'D':
                        AddMapping(canonical, item);
                        break;
                    case 'K':
                        AddMapping(compatibility, item);
                        break;
                    case 'X':
                        excluded.Add(Hex(item));
                        break;
                }
            }
        }

        var fullCanonical = new Dictionary<int, int[]>(canonical.Count);
        var fullCompatibility = new Dictionary<int, int[]>(canonical.Count + compatibility.Count);
        var scratch = new List<int>();
        foreach (var codePoint in canonical.Keys)
        {
            scratch.Clear();
            Expand(codePoint, canonical, null, scratch);
            fullCanonical[codePoint] = [.. scratch];
        }

        foreach (var codePoint in canonical.Keys.Concat(compatibility.Keys))
        {
            scratch.Clear();
            Expand(codePoint, canonical, compatibility, scratch);
            fullCompatibility[codePoint] = [.. scratch];
        }

        var composites = new Dictionary<long, int>();
        foreach (var (codePoint, mapping) in canonical)
        {
            if (mapping.Length == 2 && !excluded.Contains(codePoint))
            {
                composites[((long)mapping[0] << 21) | (uint)mapping[1]] = codePoint;
            }
        }

        return new Tables(blocks, fullCanonical.ToFrozenDictionary(), fullCompatibility.ToFrozenDictionary(), composites.ToFrozenDictionary());
    }

    private static void Expand(int codePoint, Dictionary<int, int[]> canonical, Dictionary<int, int[]>? compatibility, List<int> output)
    {
        var index = codePoint - HangulSyllableBase;
        if ((uint)index < HangulSyllableCount)
        {
            TryDecompose(codePoint, false, output);
            return;
        }

        if ((compatibility is not null && compatibility.TryGetValue(codePoint, out var mapping)) || canonical.TryGetValue(codePoint, out mapping))
        {
            foreach (var part in mapping)
            {
                Expand(part, canonical, compatibility, output);
            }

            return;
        }

        output.Add(codePoint);
    }

    private static void AddCombiningClass(byte[]?[] blocks, string item)
    {
        var colon = item.IndexOf(':');
        var range = item[..colon];
        var value = byte.Parse(item[(colon + 1)..], CultureInfo.InvariantCulture);
        var dash = range.IndexOf('-');
        var first = Hex(dash < 0 ? range : range[..dash]);
        var last = dash < 0 ? first : Hex(range[(dash + 1)..]);
        for (var codePoint = first; codePoint <= last; codePoint++)
        {
            (blocks[codePoint >> 8] ??= new byte[256])[codePoint & 0xFF] = value;
        }
    }

    private static void AddMapping(Dictionary<int, int[]> map, string item)
    {
        var colon = item.IndexOf(':');
        var parts = item[(colon + 1)..].Split('.');
        var mapping = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            mapping[i] = Hex(parts[i]);
        }

        map[Hex(item[..colon])] = mapping;
    }

    private static int Hex(string text) => int.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
