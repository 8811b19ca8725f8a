namespace CoalitionBot.Teams.AdaptiveCards;

/// <summary>Text for a TextBlock: Teams' markdown subset needs a blank line for a line break (lists excepted).</summary>
internal static class CardText
{
    public static string Paragraphs(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                // Inside a list one line break keeps the items together; elsewhere a paragraph needs two.
                result.Append(IsListItem(lines[i]) && IsListItem(lines[i - 1]) ? "\n" : "\n\n");
            }
            result.Append(lines[i]);
        }
        return result.ToString();
    }

    /// <summary>
    /// Text we did not write (a member's question, a document's passage) with its Markdown links
    /// made inert: "[the coalition's form](https://attacker…)" would show a disguised link in the
    /// coordinators' card. An invisible zero-width space between "]" and "(" keeps every character
    /// readable; bold and lists, which hide nothing, are left as they are.
    /// </summary>
    public static string Inert(string text) => text.Replace("](", "]\u200B(", StringComparison.Ordinal);

    /// <summary>Cuts at a word boundary and marks the cut with an ellipsis.</summary>
    public static string Cut(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }
        var cut = text[..(limit - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > limit / 2 ? cut[..space] : cut).TrimEnd() + "…";
    }

    private static bool IsListItem(string line) =>
        line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal) ||
        (line.Length > 2 && char.IsDigit(line[0]) && line.IndexOf(". ", StringComparison.Ordinal) is > 0 and < 4);
}
