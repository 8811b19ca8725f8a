using System.Globalization;
using System.Text;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Conversation;

/// <summary>
/// One question members asked that the bot could not answer (or whose answer they marked not helpful), with every
/// time it was asked the same way: the ids of those answers, so "Answer it" reaches each member who asked.
/// </summary>
public sealed record UnansweredQuestion(
    string Question, string Why, int Asked, DateTimeOffset LastAsked, IReadOnlyList<string> Platforms,
    IReadOnlyList<Guid> AnswerIds, string? Answer, string? AnsweredBy);

/// <summary>The questions the library left open, newest first, grouped when they are the same question.</summary>
public sealed class UnansweredQuestions(IDbContextFactory<CoalitionDbContext> contexts)
{
    public const int MaxRows = 2_000;

    public const string NotFound = "not found";
    public const string NotHelpful = "not helpful";

    public async Task<IReadOnlyList<UnansweredQuestion>> NewestAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notFound = await db.AnsweredQuestions.AsNoTracking().Where(a => !a.Found)
            .OrderByDescending(a => a.AskedAt).Take(MaxRows)
            .Select(a => new { a.Id, a.Question, a.Platform, At = a.AskedAt, Why = NotFound })
            .ToListAsync(cancellationToken);
        var notHelpful = await db.AnswerFeedback.AsNoTracking().Where(f => !f.Helpful)
            .OrderByDescending(f => f.At).Take(MaxRows)
            .Join(db.AnsweredQuestions, f => f.AnsweredQuestionId, a => a.Id, (f, a) => new { a.Id, a.Question, a.Platform, f.At, Why = NotHelpful })
            .ToListAsync(cancellationToken);
        var asked = notFound.Concat(notHelpful).ToList();
        var ids = asked.Select(a => a.Id).Distinct().ToList();
        var answered = await db.Set<CoordinatorQuestion>().AsNoTracking().Where(q => ids.Contains(q.AnsweredQuestionId) && q.Answer != null)
            .ToListAsync(cancellationToken);
        return asked
            .GroupBy(a => Same(a.Question))
            .Select(g =>
            {
                var newest = g.MaxBy(a => a.At)!;
                var answer = answered.Where(q => g.Any(a => a.Id == q.AnsweredQuestionId)).MaxBy(q => q.AnsweredAt);
                return new UnansweredQuestion(
                    newest.Question, string.Join(", ", g.Select(a => a.Why).Distinct()), g.Select(a => a.Id).Distinct().Count(), newest.At,
                    [.. g.Select(a => a.Platform).Distinct().Order(StringComparer.Ordinal)], [.. g.Select(a => a.Id).Distinct()], answer?.Answer, answer?.AnsweredBy);
            })
            .OrderByDescending(q => q.LastAsked)
            .ToList();
    }

    /// <summary>The list as CSV: question, why, times asked, last asked (UTC), platforms, answer.</summary>
    public static string Csv(IEnumerable<UnansweredQuestion> questions)
    {
        var csv = new StringBuilder("question,why,times asked,last asked (UTC),platforms,answer\r\n");
        foreach (var q in questions)
        {
            csv.AppendJoin(',', new[]
            {
                q.Question, q.Why, q.Asked.ToString(CultureInfo.InvariantCulture),
                q.LastAsked.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), string.Join(' ', q.Platforms), q.Answer ?? "",
            }.Select(Actions.SignatoriesCsv.Field)).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>The same question however it was typed: case, spacing and the final punctuation aside.</summary>
    internal static string Same(string question) =>
        string.Join(' ', question.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', '.', '!', ' ');
}
