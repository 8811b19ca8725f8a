namespace CoalitionBot.Browser.Tests.Support;

/// <summary>Debian's chromium, which ./test.sh installs and names in COALITIONBOT_CHROMIUM; Playwright downloads no browser here.</summary>
internal static class Chromium
{
    public static string Path()
    {
        var named = Environment.GetEnvironmentVariable("COALITIONBOT_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(named))
        {
            return File.Exists(named) ? named : throw new InvalidOperationException($"COALITIONBOT_CHROMIUM names {named}, which does not exist. Run the tests with ./test.sh, which installs Debian's chromium.");
        }
        return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
            : throw new InvalidOperationException("No Chromium for the browser tests: set COALITIONBOT_CHROMIUM, or run ./test.sh (it installs Debian's chromium with apt-get).");
    }
}
