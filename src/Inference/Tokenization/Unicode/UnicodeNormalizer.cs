using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.Unicode;

/// <summary>
/// NFD, NFKD, NFC and NFKC with alignment changes exactly as the <c>unicode-normalization-alignments</c> crate
/// Hugging Face uses reports them: each decomposed character is "replaces" (0) for its first part and
/// "inserted" (1) for the others, marks are stably reordered by combining class, and a composition merges the
/// changes of what it composes.
/// </summary>
internal static class UnicodeNormalizer
{
    [ThreadStatic]
    private static Scratch? t_scratch;

    public static void Apply(NormalizedString text, UnicodeNormalizationForm form)
    {
        var compatibility = form is UnicodeNormalizationForm.Nfkd or UnicodeNormalizationForm.Nfkc;
        var quickLimit = compatibility ? 0xA0 : 0xC0;
        var unchanged = true;
        foreach (var c in text.Text)
        {
            if (c >= quickLimit)
            {
                unchanged = false;
                break;
            }
        }

        if (unchanged)
        {
            return;
        }

        var scratch = t_scratch ??= new Scratch();
        Decompose(text, compatibility, scratch);
        var output = scratch.Decomposed;
        if (form is UnicodeNormalizationForm.Nfc or UnicodeNormalizationForm.Nfkc)
        {
            Recompose(scratch.Decomposed, scratch.Composed, scratch.Blocked);
            output = scratch.Composed;
        }

        text.BeginTransform();
        foreach (var (codePoint, change, _) in output)
        {
            text.Emit(codePoint, change);
        }

        text.EndTransform();
    }

    private static void Decompose(NormalizedString text, bool compatibility, Scratch scratch)
    {
        var buffer = scratch.Decomposed;
        var parts = scratch.Parts;
        buffer.Clear();
        var pendingStart = 0;
        for (var i = 0; i < text.Length;)
        {
            var c = text.CodePointAt(i, out var width);
            i += width;
            parts.Clear();
            if (!UnicodeNormalizationData.TryDecompose(c, compatibility, parts))
            {
                parts.Add(c);
            }

            for (var k = 0; k < parts.Count; k++)
            {
                var part = parts[k];
                var combiningClass = UnicodeNormalizationData.CombiningClass(part);
                if (combiningClass == 0)
                {
                    SortByCombiningClass(buffer, pendingStart);
                    pendingStart = buffer.Count;
                }

                buffer.Add((part, k == 0 ? 0 : 1, combiningClass));
            }
        }

        SortByCombiningClass(buffer, pendingStart);
    }

    /// <summary>Stable insertion sort of <c>buffer[from..]</c> by combining class.</summary>
    private static void SortByCombiningClass(List<(int CodePoint, int Change, byte Class)> buffer, int from)
    {
        for (var i = from + 1; i < buffer.Count; i++)
        {
            var item = buffer[i];
            var j = i - 1;
            while (j >= from && buffer[j].Class > item.Class)
            {
                buffer[j + 1] = buffer[j];
                j--;
            }

            buffer[j + 1] = item;
        }
    }

    private static void Recompose(
        List<(int CodePoint, int Change, byte Class)> input,
        List<(int CodePoint, int Change, byte Class)> output,
        List<(int CodePoint, int Change, byte Class)> blocked)
    {
        output.Clear();
        blocked.Clear();
        (int CodePoint, int Change)? composee = null;
        int? lastClass = null;
        foreach (var (c, change, cClass) in input)
        {
            if (composee is not { } k)
            {
                if (cClass != 0)
                {
                    output.Add((c, change, cClass));
                    continue;
                }

                composee = (c, change);
                continue;
            }

            if (lastClass is not { } l)
            {
                var composite = UnicodeNormalizationData.Compose(k.CodePoint, c);
                if (composite >= 0)
                {
                    composee = (composite, k.Change + change - 1);
                    continue;
                }

                if (cClass == 0)
                {
                    output.Add((k.CodePoint, k.Change, 0));
                    composee = (c, change);
                    continue;
                }

                blocked.Add((c, change, cClass));
                lastClass = cClass;
                continue;
            }

            if (l >= cClass)
            {
                if (cClass == 0)
                {
                    output.Add((k.CodePoint, k.Change, 0));
                    output.AddRange(blocked);
                    blocked.Clear();
                    composee = (c, change);
                    lastClass = null;
                    continue;
                }

                blocked.Add((c, change, cClass));
                lastClass = cClass;
                continue;
            }

            var composed = UnicodeNormalizationData.Compose(k.CodePoint, c);
            if (composed >= 0)
            {
                composee = (composed, k.Change + change - 1);
                continue;
            }

            blocked.Add((c, change, cClass));
            lastClass = cClass;
        }

        if (composee is { } last)
        {
            output.Add((last.CodePoint, last.Change, 0));
        }

        output.AddRange(blocked);
    }

    private sealed class Scratch
    {
        public List<(int CodePoint, int Change, byte Class)> Decomposed { get; } = [];

        public List<(int CodePoint, int Change, byte Class)> Composed { get; } = [];

        public List<(int CodePoint, int Change, byte Class)> Blocked { get; } = [];

        public List<int> Parts { get; } = [];
    }
}
