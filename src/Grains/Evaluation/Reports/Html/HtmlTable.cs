using System.Globalization;
using System.Net;
using System.Text;
using Similarity.Grains.Evaluation.Reports.Tables;

namespace Similarity.Grains.Evaluation.Reports.Html;

/// <summary>Writes a <see cref="MetricTable"/> as an HTML table; each cell's title holds the unrounded value.</summary>
internal static class HtmlTable
{
    public static void Write(StringBuilder html, MetricTable table)
    {
        html.Append("<div class=\"table-wrap\"><table class=\"metrics\">\n<thead><tr><th scope=\"col\">").Append(Encode(table.Corner)).Append("</th>");
        foreach (var column in table.Columns)
        {
            html.Append("<th scope=\"col\">").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(Encode(row.Label)).Append("</th>");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                if (c >= row.Values.Count)
                {
                    html.Append("<td></td>");
                    continue;
                }

                var value = row.Values[c];
                html.Append(value is { } v && double.IsFinite(v) ? "<td title=\"" + v.ToString("R", CultureInfo.InvariantCulture) + "\">" : "<td>")
                    .Append(MetricFormat.Format(value))
                    .Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
