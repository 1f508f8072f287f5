using Microsoft.Playwright;

namespace Similarity.Browser.Tests;

/// <summary>A report page opened from its file in Chromium, with everything it logged, threw or requested while loading and since.</summary>
public sealed class OpenedReport : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private readonly List<string> _requests = [];

    private OpenedReport(IPage page, string url)
    {
        Page = page;
        Url = url;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _errors.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _errors.Add($"page error: {error}");
        page.Dialog += (_, dialog) => _errors.Add($"dialog: {dialog.Message}");
        page.Request += (_, request) => _requests.Add(request.Url);
    }

    public IPage Page { get; }

    /// <summary>The report's <c>file://</c> address.</summary>
    public string Url { get; }

    /// <summary>Console errors and warnings, uncaught script errors and dialogs, in order.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Every address the page asked for, the report itself included.</summary>
    public IReadOnlyList<string> Requests => _requests;

    public static async Task<OpenedReport> OpenAsync(Chromium chromium, string path)
    {
        var page = await chromium.Context.NewPageAsync();
        var report = new OpenedReport(page, new Uri(path).AbsoluteUri);
        await page.GotoAsync(report.Url);
        return report;
    }

    public Task<int> CountAsync(string selector) => Page.Locator(selector).CountAsync();

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}
