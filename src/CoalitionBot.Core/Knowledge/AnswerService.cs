using CoalitionBot.AI;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Answers a question from the library: ranked passages → citations with highlights → a short
/// extractive answer; or, when no passage covers enough of the question, "not found" with
/// topics the library does answer. An unrelated passage is never presented as an answer.
/// With AI configured, semantic search joins the lexical ranking and a chat model may write the
/// text from the citations; every failure of the model gives the extractive answer.
/// </summary>
public sealed class AnswerService(
    KnowledgeIndex index,
    PassageRanker ranker,
    AnswerComposer composer,
    SuggestionPool suggestions,
    GlossaryMatcher glossary,
    GlossaryDefinitions definitions,
    CoalitionAnalyzer analyzer,
    IOptions<KnowledgeOptions> options,
    AIAnswering? ai = null)
{
    /// <summary>How much a term carried over from the previous question weighs against the follow-up's own.</summary>
    private const double ContextShare = 0.35;

    /// <summary>Supporting passages must reach this share of the best passage's relevance.</summary>
    private const double MinRelativeRelevance = 0.45;

    /// <summary>Passages quoted in the answer text must reach this share of the best passage's relevance.</summary>
    private const double AnswerRelevance = 0.8;

    /// <summary>Passages found by meaning alone speak in the extractive answer from this share of the best similarity.</summary>
    private const double AnswerSimilarity = 0.95;

    /// <summary>True when a chat model writes the answers, so platforms can show the text as it streams.</summary>
    public bool Streams => ai?.Generator is not null;

    /// <summary>Why a question cannot be asked, or null when it can.</summary>
    public string? Problem(string? question)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return "Please type a question, for example: \"What can diaspora groups do in a crisis?\"";
        }
        var max = options.Value.MaxQuestionLength;
        return question.Length > max
            ? $"That question is {question.Length:N0} characters long; please keep it under {max:N0}."
            : null;
    }

    public Task<Answer> AskAsync(string question, CancellationToken cancellationToken) => AskAsync(question, null, null, cancellationToken);

    /// <summary>Answers a question, read as a follow-up of <paramref name="followUp"/> when there is one.</summary>
    public Task<Answer> AskAsync(string question, FollowUpContext? followUp, CancellationToken cancellationToken) => AskAsync(question, followUp, null, cancellationToken);

    public Task<Answer> AskAsync(string question, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken) => AskAsync(question, null, onText, cancellationToken);

    /// <param name="followUp">The previous turn, when the question leans on it ("what about children?").</param>
    /// <param name="onText">
    /// With a chat model, receives the answer text so far as it is written (unchecked; the returned
    /// answer is what counts). Not called for extractive answers.
    /// </param>
    public Task<Answer> AskAsync(string question, FollowUpContext? followUp, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken) =>
        AskAsync(question, followUp, LibraryScope.Everything, onText, cancellationToken);

    /// <param name="scope">The collections the conversation may be answered from (<see cref="LibraryScopes"/>).</param>
    public async Task<Answer> AskAsync(string question, FollowUpContext? followUp, LibraryScope scope, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken)
    {
        if (Problem(question) is { } problem)
        {
            throw new ArgumentException(problem, nameof(question));
        }
        await index.WhenReadyAsync(cancellationToken);
        question = question.Trim();
        if (ai is null || OtherLanguage(question) is not null)
        {
            return Ask(question, followUp, scope);
        }
        if (followUp is null && definitions.Define(question) is { } definition)
        {
            return definition;
        }
        // One deadline for embedding the question and writing the answer: past AI:Timeout the extractive answer goes out.
        using var deadline = ai.Deadline(cancellationToken);
        var terms = Terms(question, followUp);
        var ranked = Ranked(terms, followUp, scope);
        // A follow-up is embedded with what it follows: "what about children?" alone means little.
        var searched = followUp is null ? question : $"{followUp.Focus} {followUp.Previous}".Trim();
        var similar = ai.Semantic is null ? [] : (await ai.Semantic.RankAsync(searched, scope, deadline.Token, cancellationToken))
            .Where(s => followUp is null || !followUp.AlreadyCited.Contains(s.Passage.Text))
            .ToList();
        var answer = Answer(question, terms, ranked, similar, scope);
        // "I don't know" stays the bot's own: when retrieval abstains, the model is not asked.
        return answer.Found && ai.Generator is not null
            ? await ai.Generator.AnswerAsync(answer, onText, deadline.Token, cancellationToken)
            : answer;
    }

    /// <summary>
    /// The extractive answer, never a model's: for text shown again and again (onboarding steps are
    /// re-answered on every Next and Back), where a model's seconds per question would add up.
    /// </summary>
    public async Task<Answer> AskExtractiveAsync(string question, CancellationToken cancellationToken)
    {
        if (Problem(question) is { } problem)
        {
            throw new ArgumentException(problem, nameof(question));
        }
        await index.WhenReadyAsync(cancellationToken);
        return Ask(question.Trim());
    }

    /// <summary>What the ranking is, as eval prints it: "hybrid (model)" with embeddings, else "lexical".</summary>
    public string Ranking => ai?.Semantic is { } semantic ? $"hybrid ({semantic.Model})" : "lexical";

    /// <summary>The answer by words alone, whatever is configured: eval's baseline.</summary>
    internal Answer AskLexically(string question) => Ask(question.Trim());

    internal Answer Ask(string question, FollowUpContext? followUp = null, LibraryScope? scope = null)
    {
        scope ??= LibraryScope.Everything;
        if (OtherLanguage(question) is { } language)
        {
            var topics = suggestions.Topics(QuestionTerms.Parse("", analyzer, glossary), scope);
            return new Answer(question, false,
                $"This question looks like {language}. Offline, I can only search the library in English, so I can't answer it reliably. "
                + "Please ask in English, or ask your coordinator to set up a multilingual model (bge-m3 or multilingual-e5 through Ollama or an OpenAI-compatible server: AI:Embeddings=Provider).",
                [], topics.Count > 0 ? topics : ["What can diaspora groups do in a crisis?"]);
        }
        if (followUp is null && definitions.Define(question) is { } definition)
        {
            return definition;
        }
        var terms = Terms(question, followUp);
        return Answer(question, terms, Ranked(terms, followUp, scope), [], scope);
    }

    /// <summary>The question's terms; for a follow-up, the new focus leads and the previous turn comes along at <see cref="ContextShare"/>.</summary>
    private QuestionTerms Terms(string question, FollowUpContext? followUp) => followUp switch
    {
        null => QuestionTerms.Parse(question, analyzer, glossary),
        { Focus: null } => QuestionTerms.Parse(followUp.Previous, analyzer, glossary),
        _ => QuestionTerms.Parse(followUp.Focus, analyzer, glossary).WithContext(QuestionTerms.Parse(followUp.Previous, analyzer, glossary), ContextShare),
    };

    /// <summary>Ranked passages; a follow-up does not show again what the previous turn cited.</summary>
    private List<RankedPassage> Ranked(QuestionTerms terms, FollowUpContext? followUp, LibraryScope scope) =>
        ranker.Rank(terms, scope).Where(r => followUp is null || !followUp.AlreadyCited.Contains(r.Passage.Text)).ToList();

    private Answer Answer(string question, QuestionTerms terms, IReadOnlyList<RankedPassage> ranked, IReadOnlyList<SimilarPassage> similar, LibraryScope scope)
    {
        if (ai?.Semantic is { Fuses: true } && similar.Count > 0)
        {
            return Hybrid(question, terms, ranked, similar, scope);
        }
        var lexical = ranked.Count > 0 && ranked[0].Coverage >= options.Value.MinCoverage
            && AnswerKinds.Answers(question, ranked.Take(options.Value.MaxCitations).Select(r => r.Passage));
        if (!lexical && similar.Count == 0)
        {
            return NotFound(question, terms, scope);
        }
        var top = lexical ? ranked[0].Relevance : 0;
        // Each ranking keeps only what it considers relevant: lexical passages covering enough of
        // the question (none when the question's words are not the library's, as in another language),
        // semantic ones at or above AI:MinSimilarity (SemanticSearch filters).
        var words = !lexical ? [] : ranked
            .Where(r => r.Relevance >= top * MinRelativeRelevance && r.Coverage >= options.Value.MinCoverage / 2)
            .DistinctBy(r => r.Passage.Text)
            .ToList();
        var byWords = words.ToDictionary(r => Key(r.Passage));
        var byMeaning = similar.DistinctBy(s => s.Passage.Text).ToDictionary(s => Key(s.Passage));
        var order = similar.Count == 0
            ? words.Select(r => Key(r.Passage)).ToList()
            : ReciprocalRankFusion.Fuse(words.Select(r => Key(r.Passage)).ToList(), byMeaning.Keys.ToList());
        var bestSimilarity = similar.Count > 0 ? similar[0].Similarity : 0;
        var cited = order
            .Take(options.Value.MaxCitations)
            .Select((key, i) => (
                Passage: byWords.TryGetValue(key, out var r) ? r.Passage : byMeaning[key].Passage,
                Relevance: r?.Relevance,
                Similarity: byMeaning.TryGetValue(key, out var s) ? s.Similarity : (double?)null,
                N: i + 1))
            .ToList();
        return Found(question, terms, cited, top, bestSimilarity);
    }

    /// <summary>With the local model: both rankings fused, and abstention read from both (HybridRanking).</summary>
    private Answer Hybrid(string question, QuestionTerms terms, IReadOnlyList<RankedPassage> ranked, IReadOnlyList<SimilarPassage> similar, LibraryScope scope)
    {
        var decision = HybridRanking.Decide(ranked, similar, ai!.Semantic!.MeaningAlone);
        if (!decision.Found || !AnswerKinds.Answers(question, decision.Passages.Take(options.Value.MaxCitations).Select(p => p.Passage)))
        {
            return NotFound(question, terms, scope);
        }
        var cited = decision.Passages
            .Take(options.Value.MaxCitations)
            .Select((c, i) => (c.Passage, c.Relevance, c.Similarity, N: i + 1))
            .ToList();
        var top = decision.Passages.Max(c => c.Relevance) ?? 0;
        // Only passages that answer speak: the first, and others that both rankings rate nearly as
        // high. A passage found by meaning alone, or a weaker lexical one, stays a citation to read.
        var best = similar[0].Similarity;
        bool Speaks((Passage Passage, double? Relevance, double? Similarity, int N) c) =>
            c.N == 1 || (top > 0
                ? c.Relevance >= top * AnswerRelevance && c.Similarity >= best - HybridRanking.SimilarityBand
                : c.Similarity >= best - (HybridRanking.SimilarityBand / 2));
        return Found(question, terms, cited, top, best, Speaks);
    }

    private Answer Found(
        string question, QuestionTerms terms, IReadOnlyList<(Passage Passage, double? Relevance, double? Similarity, int N)> cited, double top, double bestSimilarity,
        Func<(Passage Passage, double? Relevance, double? Similarity, int N), bool>? speaks = null)
    {
        var citations = cited
            .Select(c => Citation.Of(c.N, c.Passage, composer.Highlights(c.Passage, terms), Math.Round(c.Relevance ?? c.Similarity ?? 0, 2)))
            .ToList();
        // The answer text speaks only from passages nearly as relevant as the best; weaker ones stay as further reading.
        var speaking = cited.Where(speaks ?? (c => c.N == 1 || c.Relevance >= top * AnswerRelevance || (c.Relevance is null && c.Similarity >= bestSimilarity * AnswerSimilarity)));
        var text = composer.Compose(speaking.Select(c => (c.Passage, c.N)).ToList(), terms);
        return new Answer(question, true, text, citations, []);
    }

    /// <summary>The language of a non-English question, unless a model server's (multilingual) embeddings are configured.</summary>
    private string? OtherLanguage(string question) =>
        ai?.Semantic is { Fuses: false } ? null : QuestionLanguage.Detect(question);

    private static (string Document, int Ordinal) Key(Passage passage) => (passage.Document, passage.Ordinal);

    private Answer NotFound(string question, QuestionTerms terms, LibraryScope scope)
    {
        var topics = suggestions.Topics(terms, scope);
        var text = "I could not find that in the coalition's library, so I won't guess."
            + (topics.Count > 0 ? " You could ask, for example: " + string.Join(" ", topics) : "");
        return new Answer(question, false, text, [], topics);
    }
}
