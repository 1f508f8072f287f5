using Microsoft.Playwright;

namespace Similarity.Browser.Tests;

/// <summary>
/// Debian's headless Chromium (<c>/usr/bin/chromium</c>, installed by <c>scripts/setup.sh --servers</c>) driven by
/// Playwright through its executable-path option, so no browser is ever downloaded. One browser serves a test class;
/// it gets a fresh, empty profile and the flags that keep it off the network (no background services, sync or updates).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync",
    ];

    private readonly DirectoryInfo _profile = Directory.CreateTempSubdirectory("similarity-chromium-");
    private IPlaywright? _playwright;
    private IBrowserContext? _context;

    /// <summary>The browser's only context; each test opens its own page in it.</summary>
    public IBrowserContext Context => _context ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException($"Debian's chromium is not installed at {ExecutablePath}; run scripts/setup.sh --servers (apt-get install chromium).", ExecutablePath);
        }

        _playwright = await Playwright.CreateAsync();
        _context = await _playwright.Chromium.LaunchPersistentContextAsync(_profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
        });
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        _playwright?.Dispose();
        _profile.Delete(recursive: true);
    }
}
