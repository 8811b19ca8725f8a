namespace CoalitionBot.Teams.Bot;

/// <summary>
/// Whether an activity's serviceUrl is one the bot may answer at. The bot POSTs replies (with its
/// token) to that address and stores it for later sends, so a forged one would aim the bot anywhere.
/// </summary>
internal static class ServiceUrls
{
    /// <param name="hosts">Exact host names or "*.domain" (any sub-domain, not the domain itself).</param>
    public static bool IsAllowed(string? serviceUrl, IEnumerable<string> hosts)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback) || uri.UserInfo.Length > 0)
        {
            return false;
        }
        var host = uri.IdnHost.TrimEnd('.');
        return hosts.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase));
    }
}
