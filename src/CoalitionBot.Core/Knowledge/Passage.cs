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
    DateTimeOffset LastUpdated);
