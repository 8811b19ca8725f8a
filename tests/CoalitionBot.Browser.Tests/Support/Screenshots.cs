using Microsoft.Playwright;

namespace CoalitionBot.Browser.Tests.Support;

/// <summary>PNGs of the main pages for the README, under docs/screenshots/ with fixed names, so each run replaces the last.</summary>
internal static class Screenshots
{
    public static string Folder { get; } = System.IO.Path.Combine(RepoRoot(), "docs", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(Folder, name + ".png"), FullPage = true });
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CoalitionBot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("CoalitionBot.sln not found above " + AppContext.BaseDirectory);
    }
}
