namespace CoalitionBot.Knowledge;

/// <summary>How a citation's place is shown: "Title › Section", or the title alone when the section repeats it.</summary>
internal static class CitationHeadings
{
    /// <summary>"Section: Arrival › Section: Arrival" is shown once; an empty section is left out.</summary>
    public static string Heading(this Citation citation) =>
        string.IsNullOrWhiteSpace(citation.Section) || string.Equals(citation.Title.Trim(), citation.Section.Trim(), StringComparison.OrdinalIgnoreCase)
            ? citation.Title
            : string.IsNullOrWhiteSpace(citation.Title) ? citation.Section : $"{citation.Title} › {citation.Section}";
}
