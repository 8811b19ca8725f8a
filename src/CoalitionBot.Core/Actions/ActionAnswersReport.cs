using CoalitionBot.Reminders;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Actions;

/// <summary>One member's answer as the coordinators' action page lists it.</summary>
public sealed record MemberAnswer(string Platform, string UserId, string Answer, string? Organisation, string? SignerName, string? SignerTitle, DateTimeOffset AnsweredAt);

/// <summary>Who answered what, and who was asked directly and has not answered.</summary>
public sealed record ActionAnswers(IReadOnlyList<MemberAnswer> Answers, IReadOnlyList<(string Platform, string UserId)> Pending);

/// <summary>The answers behind an action's tally, for the coordinators' workspace.</summary>
public sealed class ActionAnswersReport(IDbContextFactory<CoalitionDbContext> contexts)
{
    public async Task<ActionAnswers?> ForAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<AdvocacyAction>().AnyAsync(a => a.Id == id, cancellationToken))
        {
            return null;
        }
        var responses = await db.Set<ActionResponse>().AsNoTracking().Where(r => r.ActionId == id).ToListAsync(cancellationToken);
        var asked = await db.Set<Delivery>().AsNoTracking()
            .Where(d => d.Subject == id && d.Kind == ActionDeliveries.Broadcast && d.UserId != null)
            .Select(d => new { d.Platform, d.UserId })
            .ToListAsync(cancellationToken);
        var answered = responses.Where(r => r.Answer != ActionAnswer.Later).Select(r => (r.Platform, r.UserId)).ToHashSet();
        var pending = asked.Select(a => (a.Platform, a.UserId!)).Distinct().Where(a => !answered.Contains(a))
            .Concat(responses.Where(r => r.Answer == ActionAnswer.Later).Select(r => (r.Platform, r.UserId)))
            .Distinct().OrderBy(p => p.Item2, StringComparer.Ordinal).ToList();
        var answers = responses
            .OrderBy(r => r.Organisation ?? r.UserId, StringComparer.OrdinalIgnoreCase)
            .Select(r => new MemberAnswer(r.Platform, r.UserId, r.Answer.ToString().ToLowerInvariant(), r.Organisation, r.SignerName, r.SignerTitle, r.AnsweredAt))
            .ToList();
        return new ActionAnswers(answers, pending);
    }
}
