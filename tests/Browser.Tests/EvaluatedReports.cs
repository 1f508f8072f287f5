using System.Collections.Concurrent;
using Similarity.TestSupport;

namespace Similarity.Browser.Tests;

/// <summary>
/// Reports written by <c>simctl eval --report-dir</c> on the shared fixture models and data, each made once per test
/// class and deleted afterwards.
/// </summary>
public sealed class EvaluatedReports : IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _folders = new(StringComparer.Ordinal);

    /// <summary>The folder holding report.json, report.md and report.html of <paramref name="model"/> on a suite split.</summary>
    public Task<string> FolderAsync(string model, string suite, string split) =>
        _folders.GetOrAdd($"{model}-{suite}-{split}", name => new Lazy<Task<string>>(() => EvaluateAsync(name, model, suite, split))).Value;

    public void Dispose() => _scratch.Dispose();

    private async Task<string> EvaluateAsync(string name, string model, string suite, string split)
    {
        var folder = _scratch.File(name);
        var result = await Simctl.RunAsync("eval", "--model", SharedFolder.Model(model), "--suite", suite, "--data", SharedFolder.Data, "--split", split, "--report-dir", folder);
        CliAssert.Succeeded(result);
        return folder;
    }
}
