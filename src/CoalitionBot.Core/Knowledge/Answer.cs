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
/// <param name="LastUpdated">When the document last changed (its file time, until documents carry metadata).</param>
public sealed record Citation(
    int N,
    string Document,
    string Title,
    string Section,
    string Passage,
    IReadOnlyList<string> Highlights,
    double Score,
    DateTimeOffset LastUpdated);
