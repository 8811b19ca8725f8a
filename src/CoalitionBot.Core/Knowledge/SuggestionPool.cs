using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Topics to offer when the library does not answer: section headings, spread across documents,
/// each checked to be answered when asked. Built once per index version, on first need.
/// </summary>
public sealed class SuggestionPool(
    KnowledgeIndex index,
    PassageRanker ranker,
    GlossaryMatcher glossary,
    CoalitionAnalyzer analyzer,
    IOptions<KnowledgeOptions> options)
{
    private const int Offered = 3;
    private const int PoolSize = 30;
    private const int PassagesScanned = 5_000;
    private const int MinSectionText = 120;

    private readonly Lock _lock = new();
    private IndexReader? _builtFor;
    private IReadOnlyList<(string Topic, string Document, string Collection, HashSet<string> Terms)> _topics = [];

    /// <summary>Up to three questions the library (within <paramref name="scope"/>) answers, those closest to the question first.</summary>
    internal IReadOnlyList<string> Topics(QuestionTerms question, LibraryScope? scope = null) =>
        Pool()
            .Where(t => scope is null || scope.Includes(t.Collection))
            .Select((t, i) => (t.Topic, Order: i, Match: question.Match(t.Terms)))
            .OrderByDescending(t => t.Match)
            .ThenBy(t => t.Order)
            .Take(Offered)
            .Select(t => AsQuestion(t.Topic))
            .ToList();

    /// <summary>A heading as a member would ask about it (see <see cref="TopicQuestions"/>).</summary>
    internal static string AsQuestion(string topic) => TopicQuestions.From(topic);

    /// <summary>
    /// What to ask next after an answer: up to three topics the library answers (each was checked),
    /// first from the documents the answer cited, never the sections it already quoted.
    /// </summary>
    public IReadOnlyList<string> FollowUps(Answer answer, LibraryScope? scope = null)
    {
        if (!answer.Found)
        {
            return [];
        }
        var documents = answer.Citations.Select(c => c.Document).Distinct().ToList();
        var quoted = answer.Citations.Select(c => c.Section).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var asked = analyzer.TermSet(answer.Question);
        return Pool()
            .Where(t => !quoted.Contains(t.Topic) && !t.Terms.SetEquals(asked) && (scope is null || scope.Includes(t.Collection)))
            .Select((t, i) => (t.Topic, Order: i, Rank: documents.IndexOf(t.Document) is var d and >= 0 ? d : documents.Count))
            .OrderBy(t => t.Rank)
            .ThenBy(t => t.Order)
            .Take(Offered)
            .Select(t => AsQuestion(t.Topic))
            .ToList();
    }

    /// <summary>Builds the pool for the current index ahead of the first "not found" (which would otherwise wait for it).</summary>
    public void Warm() => Pool();

    private IReadOnlyList<(string Topic, string Document, string Collection, HashSet<string> Terms)> Pool() => index.Read(searcher =>
    {
        lock (_lock)
        {
            if (!ReferenceEquals(searcher.IndexReader, _builtFor))
            {
                _topics = Candidates(searcher)
                    .Where(c => Answered(c.Topic) && Answered(AsQuestion(c.Topic)))
                    .Take(PoolSize)
                    .Select(c => (c.Topic, c.Document, c.Collection, analyzer.TermSet(c.Topic)))
                    .ToList();
                _builtFor = searcher.IndexReader;
            }
            return _topics;
        }
    });

    /// <summary>Headings with real text under them, taken in turn from each document.</summary>
    private static List<(string Topic, string Document, string Collection)> Candidates(IndexSearcher searcher)
    {
        var hits = searcher.Search(new TermQuery(new Term(IndexFields.Kind, IndexFields.PassageKind)), PassagesScanned);
        var fields = new HashSet<string> { IndexFields.Document, IndexFields.Section, IndexFields.Title, IndexFields.Text, IndexFields.Collection };
        var collectionOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var byDocument = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var textUnder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var hit in hits.ScoreDocs)
        {
            var stored = searcher.Doc(hit.Doc, fields);
            var section = stored.Get(IndexFields.Section);
            // A topic to offer reads as a topic: not the document's title, not a "Label: value" line.
            if (section == stored.Get(IndexFields.Title) || !TextBlocks.IsHeadingLike(section) || section.Contains(':'))
            {
                continue;
            }
            textUnder[section] = textUnder.GetValueOrDefault(section) + stored.Get(IndexFields.Text).Length;
            var document = stored.Get(IndexFields.Document);
            collectionOf[document] = stored.Get(IndexFields.Collection) ?? SourceDocument.DefaultCollection;
            if (!byDocument.TryGetValue(document, out var sections))
            {
                byDocument[document] = sections = [];
            }
            if (!sections.Contains(section))
            {
                sections.Add(section);
            }
        }
        var lists = byDocument.Select(d => d.Value.Where(x => textUnder[x] >= MinSectionText).Select(x => (Topic: x, Document: d.Key, Collection: collectionOf[d.Key])).ToList()).ToList();
        var candidates = new List<(string Topic, string Document, string Collection)>();
        for (var round = 0; lists.Any(l => round < l.Count); round++)
        {
            candidates.AddRange(lists.Where(l => round < l.Count).Select(l => l[round]).Where(s => candidates.All(c => c.Topic != s.Topic)));
        }
        return candidates;
    }

    private bool Answered(string topic)
    {
        var ranked = ranker.Rank(QuestionTerms.Parse(topic, analyzer, glossary));
        return ranked.Count > 0 && ranked[0].Coverage >= options.Value.MinCoverage;
    }
}
