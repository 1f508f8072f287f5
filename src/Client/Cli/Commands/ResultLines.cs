namespace Similarity.Cli.Commands;

/// <summary>
/// The JSON lines of search hits, mined pairs and communities, one format whether the work ran in process or on the
/// silos; with a text lookup (stored corpora) each row's text is added where it has one.
/// </summary>
internal static class ResultLines
{
    /// <summary><c>{"query": q, "hits": [{"id": j, "score": s, "text": ...}]}</c>.</summary>
    public static void WriteHits(this JsonLinesOutput lines, int query, IEnumerable<(long Id, double Score)> hits, Func<long, string?>? text = null)
    {
        var line = lines.Line;
        line.WriteStartObject();
        line.WriteNumber("query", query);
        line.WriteStartArray("hits");
        foreach (var (id, score) in hits)
        {
            line.WriteStartObject();
            line.WriteNumber("id", id);
            line.WriteNumber("score", score);
            if (text?.Invoke(id) is { } found)
            {
                line.WriteString("text", found);
            }

            line.WriteEndObject();
        }

        line.WriteEndArray();
        line.WriteEndObject();
        lines.EndLine();
    }

    /// <summary><c>{"score": s, "i": i, "j": j, "text_i": ..., "text_j": ...}</c>, texts when both rows have one.</summary>
    public static void WritePair(this JsonLinesOutput lines, double score, long first, long second, Func<long, string?>? text = null)
    {
        var line = lines.Line;
        line.WriteStartObject();
        line.WriteNumber("score", score);
        line.WriteNumber("i", first);
        line.WriteNumber("j", second);
        if (text?.Invoke(first) is { } firstText && text(second) is { } secondText)
        {
            line.WriteString("text_i", firstText);
            line.WriteString("text_j", secondText);
        }

        line.WriteEndObject();
        lines.EndLine();
    }

    /// <summary><c>{"centre": c, "members": [...], "texts": [...]}</c>, texts when every member has one.</summary>
    public static void WriteCommunity(this JsonLinesOutput lines, long centre, IReadOnlyList<long> members, Func<long, string?>? text = null)
    {
        var line = lines.Line;
        line.WriteStartObject();
        line.WriteNumber("centre", centre);
        line.WriteStartArray("members");
        foreach (var member in members)
        {
            line.WriteNumberValue(member);
        }

        line.WriteEndArray();
        if (text is not null && members.All(m => text(m) is not null))
        {
            line.WriteStartArray("texts");
            foreach (var member in members)
            {
                line.WriteStringValue(text(member));
            }

            line.WriteEndArray();
        }

        line.WriteEndObject();
        lines.EndLine();
    }

    /// <summary>
    /// <c>{"centre": c, "members": [{"id": i, "language": l, "text": t}], "languages": {"de": 2, "en": 3}}</c>: each
    /// member with its language and text, and how many members each language has (codes in ordinal order).
    /// </summary>
    public static void WriteLanguageCommunity(this JsonLinesOutput lines, long centre, IReadOnlyList<long> members, IReadOnlyList<string> languages, IReadOnlyList<string> texts)
    {
        var line = lines.Line;
        line.WriteStartObject();
        line.WriteNumber("centre", centre);
        line.WriteStartArray("members");
        foreach (var member in members)
        {
            line.WriteStartObject();
            line.WriteNumber("id", member);
            line.WriteString("language", languages[(int)member]);
            line.WriteString("text", texts[(int)member]);
            line.WriteEndObject();
        }

        line.WriteEndArray();
        line.WriteStartObject("languages");
        foreach (var group in members.GroupBy(m => languages[(int)m], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            line.WriteNumber(group.Key, group.Count());
        }

        line.WriteEndObject();
        line.WriteEndObject();
        lines.EndLine();
    }
}
