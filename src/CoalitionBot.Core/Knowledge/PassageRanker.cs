using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Finds the passages for a question: a BM25 query over text, section and title (with the
/// glossary's other wordings and phrase proximity boosts), then a re-rank by how much of the
/// question each passage actually covers. Coverage is also what abstention is decided on.
/// </summary>
public sealed class PassageRanker(KnowledgeIndex index, CoalitionAnalyzer analyzer, IOptions<KnowledgeOptions> options)
{
    private const float SectionBoost = 1.5f;
    private const float TitleBoost = 0.5f;
    private const float AlternativeBoost = 0.6f;
    private const float PhraseBoost = 1.5f;
    private const float PairBoost = 0.5f;
    private const double FillerWeight = 0.2;
    private const double LuceneShare = 0.3;
    private const double UnknownWordShare = 0.8;
    private const int PruneFromPassages = 1_000;
    private const int MinCorrectedLength = 5;
    private const double CommonShare = 0.2;

    /// <summary>
    /// Terms (and as many other wordings) that pick candidates: with a pair clause per term, the query
    /// stays under Lucene's 1,024 clauses (BooleanQuery.MaxClauseCount) however long the question.
    /// </summary>
    private const int MaxQueryTerms = 256;

    /// <param name="scope">The collections to search; the whole library when null.</param>
    internal IReadOnlyList<RankedPassage> Rank(QuestionTerms question, LibraryScope? scope = null)
    {
        if (question.Terms.Count == 0)
        {
            return [];
        }
        return index.Read(searcher =>
        {
            Weigh(question, searcher.IndexReader);
            var hits = searcher.Search(BuildQuery(question, Selective(searcher.IndexReader)), InScope(scope, searcher.IndexReader), options.Value.Candidates).ScoreDocs;
            if (hits.Length == 0)
            {
                return [];
            }
            var best = hits[0].Score;
            return hits
                .Select(hit =>
                {
                    var stored = searcher.Doc(hit.Doc);
                    var passage = KnowledgeIndex.ToPassage(stored);
                    var terms = analyzer.TermSet(passage.Section + "\n" + passage.Text);
                    // The title and the other headings of the document are context: they say where the passage stands, not what it says.
                    var context = analyzer.TermSet(passage.Title + "\n" + stored.Get(IndexFields.Outline));
                    var coverage = question.Coverage(terms, context);
                    var relevance = coverage * (LuceneShare * hit.Score / best + (1 - LuceneShare));
                    return new RankedPassage(passage, relevance, coverage, terms);
                })
                .OrderByDescending(r => r.Relevance)
                .ToList();
        });
    }

    /// <summary>
    /// BM25's idf over passages: rare words decide what a question is about. A word the library
    /// never uses may be the topic ("parking") or only the asker's phrasing ("recs", "bother"), so
    /// it weighs as much as a fairly rare word rather than the most.
    /// </summary>
    private void Weigh(QuestionTerms question, IndexReader reader)
    {
        var passages = Math.Max(1, reader.GetDocCount(IndexFields.Text));
        double Idf(int frequency) => Math.Log(1 + ((passages - frequency + 0.5) / (frequency + 0.5)));
        foreach (var term in question.Terms)
        {
            var frequency = reader.DocFreq(new Term(IndexFields.Text, term.Term));
            if (frequency == 0 && Correct(term.Term, reader) is { } corrected)
            {
                term.Correction = corrected.Term;
                frequency = corrected.Frequency;
            }
            var idf = frequency == 0 ? Idf(1) * UnknownWordShare : Idf(frequency);
            term.Weight = (analyzer.QuestionFiller.Contains(term.Term) ? idf * FillerWeight : idf) * term.Scale;
        }
    }

    /// <summary>
    /// The most frequent indexed term within one edit (two for long words) of a word the library
    /// does not use; short words are left alone, where one letter changes the meaning.
    /// </summary>
    private static (string Term, int Frequency)? Correct(string word, IndexReader reader)
    {
        if (word.Length < MinCorrectedLength || word.Any(char.IsDigit))
        {
            return null;
        }
        var fuzzy = new FuzzyQuery(new Term(IndexFields.Text, word), word.Length >= 8 ? 2 : 1, prefixLength: 1, maxExpansions: 10, transpositions: true);
        var candidates = new HashSet<Term>();
        fuzzy.Rewrite(reader).ExtractTerms(candidates);
        return candidates
            .Select(t => (Term: t.Text, Frequency: reader.DocFreq(t)))
            .Where(t => t.Frequency > 0)
            .OrderByDescending(t => t.Frequency)
            .Cast<(string, int)?>()
            .FirstOrDefault();
    }

    /// <summary>
    /// On a large library, a word found in a large share of passages selects nothing but costs
    /// the most (Lucene scores every passage that has it): such words do not pick candidates,
    /// though coverage still counts them. On a small library every word is cheap and kept.
    /// </summary>
    private static Func<string, bool> Selective(IndexReader reader)
    {
        var passages = reader.GetDocCount(IndexFields.Text);
        return passages < PruneFromPassages
            ? _ => true
            : term => reader.DocFreq(new Term(IndexFields.Text, term)) <= passages * CommonShare;
    }

    /// <summary>
    /// Only passages of the scope's collections, matched without regard to case against the
    /// collection names the index holds (a folder "EU-Advocacy" is the setting's "eu-advocacy").
    /// </summary>
    private static Filter? InScope(LibraryScope? scope, IndexReader reader)
    {
        if (scope is null || scope.IsEverything)
        {
            return null;
        }
        var allowed = new BooleanQuery();
        if (MultiFields.GetTerms(reader, IndexFields.Collection) is { } collections)
        {
            var each = collections.GetEnumerator();
            while (each.MoveNext())
            {
                if (scope.Includes(each.Term.Utf8ToString()))
                {
                    allowed.Add(new TermQuery(new Term(IndexFields.Collection, each.Term.Utf8ToString())), Occur.SHOULD);
                }
            }
        }
        // No collection of the scope in the library: the empty query matches nothing, not everything.
        return new QueryWrapperFilter(allowed);
    }

    private static BooleanQuery BuildQuery(QuestionTerms question, Func<string, bool> selective)
    {
        var query = new BooleanQuery();
        var terms = question.Terms.Where(t => selective(t.Term)).ToList();
        if (terms.Count == 0)
        {
            terms = [.. question.Terms];
        }
        if (terms.Count > MaxQueryTerms)
        {
            // A question of hundreds of words is cut to its rarest words, in their order; coverage still reads them all.
            terms = [.. terms.OrderByDescending(t => t.Weight).Take(MaxQueryTerms).OrderBy(t => t.Position)];
        }
        foreach (var term in terms)
        {
            query.Add(AnyField([term.Correction ?? term.Term], 1f), Occur.SHOULD);
        }
        foreach (var alternative in question.Terms.SelectMany(t => t.Alternatives).Where(a => a.Any(selective)).DistinctBy(a => string.Join(' ', a)).Take(MaxQueryTerms))
        {
            query.Add(AnyField(alternative, AlternativeBoost), Occur.SHOULD);
        }
        if (terms.Count >= 2)
        {
            var first = terms[0].Position;
            query.Add(Phrase(terms.Select(t => (t.Term, t.Position - first)), terms.Count + 3, IndexFields.Text, PhraseBoost), Occur.SHOULD);
            foreach (var (a, b) in terms.Zip(terms.Skip(1)))
            {
                query.Add(Phrase([(a.Term, 0), (b.Term, Math.Max(1, b.Position - a.Position))], 3, IndexFields.Text, PairBoost), Occur.SHOULD);
            }
        }
        return query;
    }

    /// <summary>The best of text, section and title for one term or one multi-word wording.</summary>
    private static DisjunctionMaxQuery AnyField(string[] words, float boost)
    {
        var query = new DisjunctionMaxQuery(0.1f) { Boost = boost };
        query.Add(Words(words, IndexFields.Text, 1f));
        query.Add(Words(words, IndexFields.Section, SectionBoost));
        query.Add(Words(words, IndexFields.Title, TitleBoost));
        return query;
    }

    private static Query Words(string[] words, string field, float boost) =>
        words.Length == 1
            ? new TermQuery(new Term(field, words[0])) { Boost = boost }
            : Phrase(words.Select((w, i) => (w, i)), 2, field, boost);

    private static PhraseQuery Phrase(IEnumerable<(string Term, int Position)> terms, int slop, string field, float boost)
    {
        var phrase = new PhraseQuery { Slop = slop, Boost = boost };
        foreach (var (term, position) in terms)
        {
            phrase.Add(new Term(field, term), position);
        }
        return phrase;
    }
}
