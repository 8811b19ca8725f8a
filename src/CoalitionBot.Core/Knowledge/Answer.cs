using System.Text.Json.Serialization;

namespace CoalitionBot.Knowledge;

/// <summary>
/// The answer contract of architecture.md (CLI <c>ask --format json</c>, <c>POST /api/ask</c>).
/// <see cref="Found"/> false comes with no citations and at least one suggestion.
/// </summary>
/// <param name="Text">Short extractive answer; every sentence ends with the number of its citation, as "[1]".</param>
/// <param name="Suggestions">Topics the library does answer, offered when it does not cover the question.</param>
public sealed record Answer(
    string Question,
    bool Found,
    [property: JsonPropertyName("answer")] string Text,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> Suggestions)
{
    /// <summary>
    /// True when a chat model wrote <see cref="Text"/> from the citations (AI:ChatModel) and the
    /// text passed the citation check. Not part of the JSON contract.
    /// </summary>
    [JsonIgnore]
    public bool Generated { get; init; }
}

/// <summary>One cited passage.</summary>
/// <param name="N">The number the answer text refers to, from 1.</param>
/// <param name="Document">The document's id: its path under the source folder.</param>
/// <param name="Title">The document's title (its first line).</param>
/// <param name="Section">The nearest heading above the passage.</param>
/// <param name="Passage">The quoted passage.</param>
/// <param name="Highlights">The sentences of the passage that match the question best.</param>
/// <param name="Score">Relevance from 0 to 1: how much of the question the passage covers, scaled by its rank.</param>
/// <param name="LastUpdated">When the document's file last changed.</param>
public sealed record Citation(
    int N,
    string Document,
    string Title,
    string Section,
    string Passage,
    IReadOnlyList<string> Highlights,
    double Score,
    DateTimeOffset LastUpdated)
{
    /// <summary>The 1-based page the passage is on, for paged formats (PDF); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Page { get; init; }

    /// <summary>The document's address (library.yaml, or an HTML canonical link), with "#page=N" for PDFs; absent when it has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }

    private readonly DateTimeOffset? _updated;

    /// <summary>The document's own date (library.yaml, PDF/DOCX/HTML metadata), else its file time.</summary>
    public DateTimeOffset Updated { get => _updated ?? LastUpdated; init => _updated = value; }

    /// <summary>"p. 4" for a paged document, else null: what chat surfaces show beside the source.</summary>
    [JsonIgnore]
    public string? PageLabel => Page is { } page ? $"p. {page}" : null;

    /// <summary>The URL when it is a web address a chat client can open (http or https), else null.</summary>
    [JsonIgnore]
    public string? OpenableUrl => Uri.TryCreate(Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;

    /// <summary>The collection the document belongs to.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Collection { get; init; }

    /// <summary>The citation of <paramref name="passage"/>, with where it is: page, link, date and collection.</summary>
    internal static Citation Of(int n, Passage passage, IReadOnlyList<string> highlights, double score) =>
        new(n, passage.Document, passage.Title, passage.Section, passage.Text, highlights, score, passage.LastUpdated)
        {
            Page = passage.Page,
            Url = passage.Url is { } url && passage.Page is { } page && passage.Format == "pdf" ? $"{url.Split('#')[0]}#page={page}" : passage.Url,
            Updated = passage.Updated ?? passage.LastUpdated,
            Collection = passage.Collection,
        };
}
