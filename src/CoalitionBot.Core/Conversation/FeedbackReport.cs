using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Conversation;

/// <summary>One verdict as coordinators see it: what was asked, what was answered and cited, who said what, when.</summary>
public sealed record FeedbackEntry(
    Guid AnswerId, string Question, string Answer, bool Found, IReadOnlyList<string> Documents,
    string Platform, string UserId, bool Helpful, DateTimeOffset At);

/// <summary>The answers members marked helpful or not helpful, newest first, for the coordinators.</summary>
public sealed class FeedbackReport(IDbContextFactory<CoalitionDbContext> contexts)
{
    public const int MaxLimit = 500;

    public async Task<IReadOnlyList<FeedbackEntry>> NewestAsync(int limit, bool? helpful, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var verdicts = db.AnswerFeedback.AsQueryable();
        if (helpful is { } wanted)
        {
            verdicts = verdicts.Where(f => f.Helpful == wanted);
        }
        var rows = await verdicts
            .OrderByDescending(f => f.At)
            .ThenByDescending(f => f.Id)   // two verdicts in the same tick still come newest first
            .Take(Math.Clamp(limit, 1, MaxLimit))
            .Join(db.AnsweredQuestions, f => f.AnsweredQuestionId, a => a.Id, (f, a) => new { f, a })
            .ToListAsync(cancellationToken);
        // The join does not keep the subquery's order: sort what came back.
        return rows
            .OrderByDescending(r => r.f.At)
            .ThenByDescending(r => r.f.Id)
            .Select(r => new FeedbackEntry(
                r.a.Id, r.a.Question, r.a.AnswerText, r.a.Found, Documents(r.a.CitationsJson),
                r.f.Platform, r.f.UserId, r.f.Helpful, r.f.At))
            .ToList();
    }

    private static List<string> Documents(string citationsJson) =>
        (System.Text.Json.JsonSerializer.Deserialize<List<CitedDocument>>(citationsJson, System.Text.Json.JsonSerializerOptions.Web) ?? [])
            .Select(c => c.Document)
            .Distinct()
            .ToList();

    private sealed record CitedDocument(string Document);
}
