namespace CoalitionBot.Knowledge;

/// <summary>
/// Turns one file format into the library's plain text: paragraphs separated by blank lines,
/// headings as markdown "#" lines, list items and table rows as "• " lines. The splitter then
/// treats every format alike. An extractor throws <see cref="UnreadableDocumentException"/>
/// (or the parser's own exception) when the file cannot be read; the reader skips it.
/// </summary>
public interface IDocumentExtractor
{
    /// <summary>File extensions this extractor reads, with the dot (".pdf").</summary>
    IReadOnlyList<string> Extensions { get; }

    ExtractedText Extract(byte[] bytes, string fileName);
}

/// <summary>What an extractor found in a file.</summary>
/// <param name="Text">The document as the splitter reads it.</param>
/// <param name="Format">"txt", "md", "pdf", "docx" or "html".</param>
public sealed record ExtractedText(string Text, string Format)
{
    /// <summary>The document's own title (PDF/DOCX metadata, HTML &lt;title&gt;), else null: the first line is the title.</summary>
    public string? Title { get; init; }

    /// <summary>The document's own address (HTML canonical link), else null.</summary>
    public string? Url { get; init; }

    /// <summary>The document's own date (PDF/DOCX metadata, HTML meta dates), else null.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>Character offset in <see cref="Text"/> where each page starts, for paged formats; empty otherwise.</summary>
    public IReadOnlyList<int> PageStarts { get; init; } = [];
}

/// <summary>A file that is not what its name says, or has nothing to index; the message says why.</summary>
public sealed class UnreadableDocumentException(string reason) : Exception(reason);
