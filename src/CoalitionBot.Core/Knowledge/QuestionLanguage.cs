namespace CoalitionBot.Knowledge;

/// <summary>
/// Tells a Spanish, French or Portuguese question from an English one by its function words.
/// The offline model (ArcticXs) and the lexical analyzer are English-only: such a question gets
/// an honest reply in English rather than a silent "not found" (or a wrong match on a name).
/// </summary>
internal static class QuestionLanguage
{
    private static readonly Dictionary<string, HashSet<string>> Words = new()
    {
        ["Spanish"] = ["qué", "cómo", "cuál", "cuáles", "dónde", "quién", "quiénes", "cuándo", "por", "los", "las", "del", "el", "es", "son", "una", "un", "pueden", "puede", "hacer", "con", "para", "sobre", "en", "y", "grupos", "organizaciones", "cuánto", "nuestra", "nuestro"],
        ["French"] = ["quoi", "comment", "quel", "quelle", "quels", "quelles", "où", "qui", "quand", "les", "des", "du", "le", "la", "est", "sont", "une", "un", "peuvent", "peut", "faire", "avec", "pour", "sur", "dans", "et", "groupes", "organisations", "qu'est-ce", "notre", "nos"],
        ["Portuguese"] = ["que", "como", "qual", "quais", "onde", "quem", "quando", "os", "as", "dos", "das", "do", "da", "o", "é", "são", "uma", "um", "podem", "pode", "fazer", "com", "para", "sobre", "em", "e", "grupos", "organizações", "não", "nossa", "nosso"],
    };

    private static readonly HashSet<string> English = ["what", "how", "the", "is", "are", "do", "does", "can", "of", "to", "in", "and", "for", "on", "with", "our", "we", "who", "which", "why", "where", "when", "a", "an"];

    /// <summary>"Spanish", "French" or "Portuguese" when the question reads as one of them; else null.</summary>
    public static string? Detect(string question)
    {
        var tokens = question.ToLowerInvariant()
            .Split([' ', '\t', '\n', '?', '¿', '!', '¡', ',', '.', ';', ':', '(', ')', '"', '«', '»'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 3)
        {
            return null;
        }
        var english = tokens.Count(English.Contains);
        var (language, score) = Words
            .Select(w => (w.Key, Score: tokens.Count(w.Value.Contains) + (w.Key == "Spanish" && question.Contains('¿') ? 2 : 0)))
            .OrderByDescending(w => w.Score)
            .First();
        return score >= 2 && score > english * 2 ? language : null;
    }
}
