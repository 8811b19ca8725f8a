namespace CoalitionBot.Slack.BlockKit;

/// <summary>Slack's mrkdwn: text we did not write has exactly &amp;, &lt; and &gt; escaped, nothing else.</summary>
internal static class Mrkdwn
{
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Cuts to at most <paramref name="max"/> characters, ending with an ellipsis when cut.</summary>
    public static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// <summary>Splits long text into pieces of at most <paramref name="max"/> characters, at line or word breaks.</summary>
    public static IEnumerable<string> Chunks(string text, int max)
    {
        var rest = text;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf('\n', max - 1);
            if (cut < max / 2)
            {
                cut = rest.LastIndexOf(' ', max - 1);
            }
            if (cut < max / 2)
            {
                cut = max;
            }
            yield return rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0)
        {
            yield return rest;
        }
    }
}
