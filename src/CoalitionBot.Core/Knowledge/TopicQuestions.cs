using System.Text.RegularExpressions;

namespace CoalitionBot.Knowledge;

/// <summary>
/// A section heading as the question a member would ask about it: "Promote links between people
/// and groups" → "How can we promote links between people and groups?", "2. Spotlight on the EU" →
/// "What is the spotlight on the EU?", "Lessons learned" → "What are the lessons learned?". Plain
/// rules over the heading's shape (imperative or noun phrase, singular or plural), no model.
/// </summary>
internal static partial class TopicQuestions
{
    /// <summary>Verbs a heading starts with when it tells the reader what to do ("Know the issues").</summary>
    private static readonly HashSet<string> Imperatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "act", "advocate", "ask", "assist", "build", "choose", "contact", "create", "define", "develop", "engage", "find",
        "help", "identify", "involve", "join", "know", "learn", "listen", "make", "map", "mobilise", "mobilize", "monitor",
        "organise", "organize", "plan", "prepare", "promote", "protect", "provide", "raise", "reach", "respond", "set",
        "share", "sign", "speak", "strengthen", "support", "take", "understand", "use", "work", "write",
    };

    /// <summary>Words that end the head of a noun phrase: "Cost | per beneficiary", "Spotlight | on the EU".</summary>
    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "across", "after", "against", "at", "before", "between", "by", "during", "for", "from", "in", "into",
        "of", "on", "per", "through", "to", "towards", "under", "with", "within", "without",
    };

    public static string From(string heading)
    {
        var topic = Numbering().Replace(heading.Trim(), "").TrimEnd(':', '.', ' ');
        if (topic.EndsWith('?'))
        {
            return topic;   // the document already asks it
        }
        var words = SentenceCase(topic.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (words.Length == 0)
        {
            return heading;
        }
        // "Support people and communities…" tells what to do; "Support for a number of actions" names a thing.
        if (words.Length > 1 && Imperatives.Contains(words[0]) && !Prepositions.Contains(words[1]))
        {
            return $"How can we {string.Join(' ', words)}?";
        }
        if (words[0].EndsWith("ing", StringComparison.OrdinalIgnoreCase) && words[0].Length > 5)
        {
            return $"What does the library say about {string.Join(' ', words)}?";   // "Stating the problem"
        }
        var head = words.TakeWhile(w => !Prepositions.Contains(w)).ToList();
        var plural = head.Any(IsPlural);
        // Abstract nouns read best without "the": "What is diaspora engagement in humanitarian response?".
        var article = !plural && head.Count > 0 && MassNoun().IsMatch(head[^1]) ? "" : "the ";
        return $"What {(plural ? "are" : "is")} {article}{string.Join(' ', words)}?";
    }

    /// <summary>
    /// The heading's words as they read inside a sentence: the first word lower-cased, and a Title
    /// Case heading ("Mobilize Supporters") lowered throughout; acronyms ("EU") stay as they are.
    /// </summary>
    private static string[] SentenceCase(string[] words)
    {
        var titleCase = words.Length > 1 && words.Where(w => w.Length > 3).All(w => char.IsUpper(w[0]));
        return words.Select((w, i) => IsAcronym(w) || (i > 0 && !titleCase) ? w : Lower(w)).ToArray();
    }

    private static string Lower(string word) => word.Length == 0 ? word : char.ToLowerInvariant(word[0]) + word[1..];

    private static bool IsAcronym(string word) => word.Length > 1 && word.Where(char.IsLetter).All(char.IsUpper);

    private static bool IsPlural(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
        && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal) && !IsAcronym(word);

    [GeneratedRegex(@"^(\d+|[IVX]+|[a-z])[.)]\s+")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"(ment|tion|sion|ance|ence|acy|ism|ship)$", RegexOptions.IgnoreCase)]
    private static partial Regex MassNoun();
}
