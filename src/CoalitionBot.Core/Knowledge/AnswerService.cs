using Microsoft.Extensions.Options;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Answers a question from the library: ranked passages → citations with highlights → a short
/// extractive answer; or, when no passage covers enough of the question, "not found" with
/// topics the library does answer. An unrelated passage is never presented as an answer.
/// </summary>
public sealed class AnswerService(
    KnowledgeIndex index,
    PassageRanker ranker,
    AnswerComposer composer,
    SuggestionPool suggestions,
    GlossaryMatcher glossary,
    GlossaryDefinitions definitions,
    CoalitionAnalyzer analyzer,
    IOptions<KnowledgeOptions> options)
{
    /// <summary>How much a term carried over from the previous question weighs against the follow-up's own.</summary>
    private const double ContextShare = 0.35;

    /// <summary>Supporting passages must reach this share of the best passage's relevance.</summary>
    private const double MinRelativeRelevance = 0.45;

    /// <summary>Passages quoted in the answer text must reach this share of the best passage's relevance.</summary>
    private const double AnswerRelevance = 0.8;

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

    public Task<Answer> AskAsync(string question, CancellationToken cancellationToken) => AskAsync(question, null, cancellationToken);

    /// <summary>Answers a question, read as a follow-up of <paramref name="followUp"/> when there is one.</summary>
    public async Task<Answer> AskAsync(string question, FollowUpContext? followUp, CancellationToken cancellationToken)
    {
        if (Problem(question) is { } problem)
        {
            throw new ArgumentException(problem, nameof(question));
        }
        await index.WhenReadyAsync(cancellationToken);
        return Ask(question.Trim(), followUp);
    }

    internal Answer Ask(string question, FollowUpContext? followUp = null)
    {
        if (followUp is null && definitions.Define(question) is { } definition)
        {
            return definition;
        }
        var terms = followUp switch
        {
            null => QuestionTerms.Parse(question, analyzer, glossary),
            { Focus: null } => QuestionTerms.Parse(followUp.Previous, analyzer, glossary),
            _ => QuestionTerms.Parse(followUp.Focus, analyzer, glossary).WithContext(QuestionTerms.Parse(followUp.Previous, analyzer, glossary), ContextShare),
        };
        var ranked = ranker.Rank(terms)
            .Where(r => followUp is null || !followUp.AlreadyCited.Contains(r.Passage.Text))
            .ToList();
        if (ranked.Count == 0 || ranked[0].Coverage < options.Value.MinCoverage)
        {
            return NotFound(question, terms);
        }
        var top = ranked[0].Relevance;
        var cited = ranked
            .Where(r => r.Relevance >= top * MinRelativeRelevance && r.Coverage >= options.Value.MinCoverage / 2)
            .DistinctBy(r => r.Passage.Text)
            .Take(options.Value.MaxCitations)
            .Select((r, i) => (Ranked: r, N: i + 1))
            .ToList();
        var citations = cited
            .Select(c => new Citation(
                c.N,
                c.Ranked.Passage.Document,
                c.Ranked.Passage.Title,
                c.Ranked.Passage.Section,
                c.Ranked.Passage.Text,
                composer.Highlights(c.Ranked.Passage, terms),
                Math.Round(c.Ranked.Relevance, 2),
                c.Ranked.Passage.LastUpdated))
            .ToList();
        // The answer text speaks only from passages nearly as relevant as the best; weaker ones stay as further reading.
        var speaking = cited.Where(c => c.N == 1 || c.Ranked.Relevance >= top * AnswerRelevance);
        var text = composer.Compose(speaking.Select(c => (c.Ranked.Passage, c.N)).ToList(), terms);
        return new Answer(question, true, text, citations, []);
    }

    private Answer NotFound(string question, QuestionTerms terms)
    {
        var topics = suggestions.Topics(terms);
        var text = "I could not find that in the coalition's library, so I won't guess."
            + (topics.Count > 0 ? " It does cover, for example: " + string.Join("; ", topics) + "." : "");
        return new Answer(question, false, text, [], topics);
    }
}
