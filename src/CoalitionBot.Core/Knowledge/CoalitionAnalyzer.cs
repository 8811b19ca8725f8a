using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace CoalitionBot.Knowledge;

/// <summary>
/// English analysis for documents and questions alike: Unicode word breaks, possessives
/// ("migrants’" → "migrants"), accents folded, stop words (including question words, which
/// carry no topic), irregular verbs to their base form, British "-isation" spelled as "-ization", then the Porter stemmer.
/// </summary>
public sealed class CoalitionAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    internal static CharArraySet StopWords { get; } = new(Version,
    [
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "done", "each", "either", "etc", "for", "from", "further", "get", "got", "had", "has",
        "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into",
        "is", "it", "its", "itself", "just", "let", "me", "might", "more", "most", "much", "must", "my", "no",
        "nor", "not", "of", "on", "once", "one", "only", "or", "other", "our", "ours", "ourselves", "out",
        "over", "own", "please", "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the",
        "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
        "through", "to", "too", "up", "us", "very", "was", "we", "were", "what", "when", "where",
        "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "would", "you",
        "your", "yours", "s", "t", "e.g", "i.e", "tell", "know", "anything", "something", "thing", "things",
    ], ignoreCase: true);

    /// <summary>
    /// Words that questions use around their topic ("what role does X play", "what is Y meant
    /// to achieve"). They still count, but little: the library not using them says little
    /// about whether it answers the question.
    /// </summary>
    private static readonly string[] FillerWords =
    [
        "role", "play", "plays", "mean", "meant", "means", "purpose", "kind", "type", "way", "ways",
        "example", "examples", "main", "key", "important", "exactly", "really", "usually", "happen",
        "involve", "involved", "give", "make", "take", "use", "used", "need", "want", "good", "best",
        "better", "new", "many", "different", "possible", "able", "achieve", "specific", "general",
        "actually", "current", "often", "exist", "find", "look", "explain", "describe", "say", "said",
        "include", "includes", "ask", "asked", "happens", "work", "works",
    ];

    private HashSet<string>? _filler;

    /// <summary>The analysed forms of the question filler words.</summary>
    internal HashSet<string> QuestionFiller => _filler ??= TermSet(string.Join(' ', FillerWords));

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new ASCIIFoldingFilter(stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, StopWords);
        stream = new IrregularVerbFilter(stream);
        stream = new BritishSpellingFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>The analysed terms of a text, in order, with their positions (stop words leave gaps).</summary>
    public IReadOnlyList<(string Term, int Position)> Terms(string text)
    {
        var terms = new List<(string, int)>();
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }
        stream.End();
        return terms;
    }

    /// <summary>The distinct analysed terms of a text.</summary>
    public HashSet<string> TermSet(string text) => Terms(text).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
}
