using System.Text.RegularExpressions;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Questions that ask for a kind of fact (a date, an amount, a way to get in touch) are answered
/// only by a passage that holds such a fact. "When was the working group founded?" shares every
/// topic word with the passage on the working group, but a passage without a date does not answer
/// it: the classic answer-type check of question answering, on the question's own wording.
/// </summary>
internal static partial class AnswerKinds
{
    /// <summary>True unless the question asks for a kind of fact that none of the passages holds.</summary>
    public static bool Answers(string question, IEnumerable<Passage> passages)
    {
        var asked = Asked(question);
        return asked is null || passages.Any(p => asked.IsMatch(p.Text));
    }

    private static Regex? Asked(string question) =>
        AsksDeadline().IsMatch(question) ? CalendarDate()
        : AsksDate().IsMatch(question) ? Date()
        : AsksAmount().IsMatch(question) ? Amount()
        : AsksContact().IsMatch(question) ? Contact()
        : RoleHolder(question);

    /// <summary>
    /// "Who is the coalition's press officer?" asks who holds a role: only a passage that names the
    /// role itself answers it. The stemmer makes "officer" and "Office" one word, so the fifteen
    /// members of a group with a "Washington Office" would otherwise look like an answer.
    /// </summary>
    private static Regex? RoleHolder(string question)
    {
        var asked = AsksRoleHolder().Match(question);
        if (!asked.Success)
        {
            return null;
        }
        // The role is the last word before any "of …", "for …": "contact person for the working group" → "person".
        var role = RoleEnd().Split(asked.Groups["role"].Value)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var word = role.Length == 0 ? "" : Possessive().Replace(role[^1], "");
        var singular = word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
        return singular.Length < 3 ? null : new Regex($@"\b{Regex.Escape(singular)}s?\b", RegexOptions.IgnoreCase);
    }

    [GeneratedRegex(@"^\s*who(?:'s|’s|\s+is|\s+are|\s+was)\s+(?:the|our|your|their|its)\s+(?<role>[^?]+?)\s*[?.!]*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AsksRoleHolder();

    [GeneratedRegex(@"\s+(?:of|for|in|at|on|with|from|this|that|these|now|today)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RoleEnd();

    [GeneratedRegex(@"(?:'s|’s|')$")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\b(deadline|due date|closing date|by when)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksDeadline();

    [GeneratedRegex(@"^\s*(when\b|what (date|year|time)\b)|\b(what date|which date|what year|which year|how long ago)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksDate();

    /// <summary>A deadline is a day, not a frequency: a year, a month, a weekday or a numeric date.</summary>
    [GeneratedRegex(@"\b(19|20)\d\d\b|\b(january|february|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow)\b|\b\d{1,2}[/.-]\d{1,2}\b|\b(march|may) \d|\d (march|may)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CalendarDate();

    [GeneratedRegex(@"\b(19|20)\d\d\b|\b(january|february|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|weekly|monthly|annual|yearly|spring|summer|autumn|winter|every)\b|\b\d{1,2}[/.-]\d{1,2}\b|\b(march|may) \d|\d (march|may)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(how much|how many|what percentage|what share|what proportion|what rate|what amount)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksAmount();

    [GeneratedRegex(@"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|percent|per cent)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(e-?mail|phone|telephone|website|web site|url|download)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksContact();

    [GeneratedRegex(@"@|https?://|www\.|\+?\d[\d ()-]{6,}\d", RegexOptions.IgnoreCase)]
    private static partial Regex Contact();
}
