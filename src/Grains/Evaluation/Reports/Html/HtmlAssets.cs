using System.Reflection;

namespace Similarity.Grains.Evaluation.Reports.Html;

/// <summary>The page's stylesheet and script, embedded in this assembly and inlined into every report (no network).</summary>
internal static class HtmlAssets
{
    public static string Style { get; } = Read("report.css");

    public static string Script { get; } = Read("report.js");

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The HTML report resource '{name}' is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
