namespace CoalitionBot.Knowledge;

/// <summary>
/// What gets cited: a paragraph, or a heading or lead-in with its bullet list, at most about
/// 1,000 characters. <paramref name="Start"/> and <paramref name="End"/> are character offsets
/// into the decoded document text.
/// </summary>
public sealed record Passage(
    string Document,
    int Ordinal,
    string Title,
    string Section,
    string Text,
    int Start,
    int End,
    DateTimeOffset LastUpdated)
{
    /// <summary>The 1-based page the passage starts on (PDF), else null.</summary>
    public int? Page { get; init; }

    /// <summary>The document's address, else null.</summary>
    public string? Url { get; init; }

    /// <summary>The document's own date, else its file time.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The document's format: "txt", "md", "pdf", "docx" or "html".</summary>
    public string Format { get; init; } = "txt";

    /// <summary>The document's collection.</summary>
    public string Collection { get; init; } = SourceDocument.DefaultCollection;
}
