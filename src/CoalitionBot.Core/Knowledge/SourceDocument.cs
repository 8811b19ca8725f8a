namespace CoalitionBot.Knowledge;

/// <summary>One file of the library, read and decoded.</summary>
/// <param name="Id">The path relative to its source folder, with forward slashes: what citations name.</param>
/// <param name="Text">The text as the splitter reads it (see <see cref="IDocumentExtractor"/>).</param>
/// <param name="Hash">SHA-256 of the file's bytes (and of its library.yaml entry); an unchanged hash means no re-indexing.</param>
/// <param name="LastUpdated">The file's modified time.</param>
public sealed record SourceDocument(string Id, string FullPath, string Text, string Hash, DateTimeOffset LastUpdated)
{
    /// <summary>"txt", "md", "pdf", "docx" or "html".</summary>
    public string Format { get; init; } = "txt";

    /// <summary>The title from library.yaml or the document's metadata; null: the first line is the title.</summary>
    public string? Title { get; init; }

    /// <summary>The document's address (library.yaml, else an HTML canonical link), or null.</summary>
    public string? Url { get; init; }

    /// <summary>The document's own date (library.yaml, PDF/DOCX/HTML metadata), else null: <see cref="LastUpdated"/> stands in.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The collection it belongs to: library.yaml, else its top-level folder, else "library".</summary>
    public string Collection { get; init; } = DefaultCollection;

    /// <summary>Character offsets in <see cref="Text"/> where pages start (paged formats); empty otherwise.</summary>
    public IReadOnlyList<int> PageStarts { get; init; } = [];

    /// <summary>What the file's change check compares: size, modified time and library.yaml entry.</summary>
    public string Stamp { get; init; } = "";

    public const string DefaultCollection = "library";

    /// <summary>The 1-based page that <paramref name="offset"/> is on, or null for formats without pages.</summary>
    public int? PageAt(int offset)
    {
        if (PageStarts.Count == 0)
        {
            return null;
        }
        var page = 0;
        while (page + 1 < PageStarts.Count && PageStarts[page + 1] <= offset)
        {
            page++;
        }
        return page + 1;
    }
}
