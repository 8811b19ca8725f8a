using System.Text.RegularExpressions;

namespace CoalitionBot.Knowledge;

/// <summary>
/// "What does CRC mean?", "define diaspora", "what is CRC?": a question that asks for the meaning of
/// a term the glossary defines is answered with the definition, cited as the glossary. Only when the
/// whole subject is a glossary term or one of its other wordings, and "what is …" only for an
/// acronym: "what is the change strategy?" is better answered by the document's own section.
/// </summary>
public sealed partial class GlossaryDefinitions(GlossaryMatcher glossary)
{
    public const string Title = "Glossary";

    internal Answer? Define(string question)
    {
        var match = Asking().Match(question.Trim());
        if (!match.Success)
        {
            return null;
        }
        var subject = match.Groups["term"].Value.Trim().Trim('"', '“', '”', '\'').Trim();
        if (match.Groups["is"].Success && !Acronym().IsMatch(subject))
        {
            return null;
        }
        var entry = glossary.Glossary.Entries.FirstOrDefault(e => e.Definition is { Length: > 0 } && e.Forms.Any(f => string.Equals(f, subject, StringComparison.OrdinalIgnoreCase)));
        if (entry is null)
        {
            return null;
        }
        var source = glossary.Glossary.Source;
        var citation = new Citation(
            1,
            source.Length > 0 ? Path.GetFileName(source) : "glossary.yaml",
            Title,
            entry.Term,
            $"{entry.Term}: {entry.Definition}",
            [entry.Definition!],
            1.0,
            source.Length > 0 && File.Exists(source) ? File.GetLastWriteTimeUtc(source) : DateTimeOffset.UnixEpoch);
        return new Answer(question, true, $"{entry.Term}: {entry.Definition} [1]", [citation], []);
    }

    [GeneratedRegex(@"^(?:what\s+(?:does|do)\s+(?:the\s+(?:term|word|acronym)\s+)?(?<term>.+?)\s+(?:mean|stand\s+for)|what\s+is\s+meant\s+by\s+(?<term>.+?)|(?:define|definition\s+of|meaning\s+of|what\s+is\s+the\s+meaning\s+of)\s+(?:an?\s+|the\s+)?(?<term>.+?)|(?<is>what\s+is|what's|what\s+are)\s+(?:an?\s+|the\s+)?(?<term>.+?))\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Asking();

    [GeneratedRegex(@"^[A-Z][A-Z0-9&]{1,7}s?$")]
    private static partial Regex Acronym();
}
