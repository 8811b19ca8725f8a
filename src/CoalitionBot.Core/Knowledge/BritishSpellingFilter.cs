using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CoalitionBot.Knowledge;

/// <summary>
/// The library mixes "organisation" and "organization"; the Porter stemmer keeps them apart
/// ("organis" vs "organ"). Rewriting "-is-" to "-iz-" in -isation/-ise forms makes them one
/// term. Words that are spelled -ise in every English (advise, promise, …) are left alone.
/// </summary>
internal sealed class BritishSpellingFilter : TokenFilter
{
    private static readonly string[] Endings = ["isations", "isation", "ising", "ised", "ises", "ise"];

    private static readonly HashSet<string> AlwaysIse = new(StringComparer.Ordinal)
    {
        "advise", "advertise", "apprise", "arise", "chastise", "circumcise", "comprise", "compromise",
        "concise", "demise", "despise", "devise", "disguise", "enfranchise", "disenfranchise", "enterprise",
        "excise", "exercise", "expertise", "franchise", "improvise", "incise", "likewise", "merchandise",
        "noise", "otherwise", "paradise", "poise", "praise", "precise", "premise", "promise", "raise",
        "revise", "rise", "supervise", "surmise", "surprise", "televise", "treatise", "wise", "cruise",
        "bruise", "clockwise", "sunrise", "upraise", "reprise", "mortise",
    };

    private readonly ICharTermAttribute _term;

    public BritishSpellingFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var word = _term.ToString();
        var rewritten = Rewrite(word);
        if (!ReferenceEquals(rewritten, word))
        {
            _term.SetEmpty().Append(rewritten);
        }
        return true;
    }

    internal static string Rewrite(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                var stem = word[..^ending.Length];
                return AlwaysIse.Contains(stem + "ise") ? word : stem + "iz" + ending[2..];
            }
        }
        return word;
    }
}
