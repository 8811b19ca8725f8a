using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Host.Coordinators;

/// <summary>A conversation an action can go to: its platform and id, and how the form names it.</summary>
public sealed record KnownConversation(string Platform, string Id, string Label)
{
    /// <summary>The form's value for it: "slack|C0123", "teams|19:…@thread.tacv2".</summary>
    public string Value => $"{Platform}|{Id}";
}

/// <summary>
/// The Slack channels and Teams conversations the bot has seen: Teams teams and chats it holds a reference for
/// (installed, or written to there), Slack channels it answered in, and every audience of an earlier action.
/// Direct-message conversations are not audiences and are left out.
/// </summary>
public sealed class KnownConversations(IDbContextFactory<CoalitionDbContext> contexts)
{
    public async Task<IReadOnlyList<KnownConversation>> AllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var teams = await db.Set<ConversationReferenceRecord>().AsNoTracking()
            .Where(r => r.Platform == Platforms.Teams && r.ConversationType != "personal")
            .Select(r => new { r.ConversationId, r.ConversationType }).Distinct().ToListAsync(cancellationToken);
        var slack = await db.AnsweredQuestions.AsNoTracking()
            .Where(q => q.Platform == Platforms.Slack && !q.ConversationId.StartsWith("D"))
            .Select(q => q.ConversationId).Distinct().ToListAsync(cancellationToken);
        var earlier = await db.Set<ActionAudience>().AsNoTracking().Select(a => new { a.Platform, a.Conversation }).Distinct().ToListAsync(cancellationToken);
        return teams.Select(t => new KnownConversation(Platforms.Teams, t.ConversationId, $"Teams {(t.ConversationType == "groupChat" ? "chat" : "team channel")} {t.ConversationId}"))
            .Concat(slack.Select(c => new KnownConversation(Platforms.Slack, c, $"Slack channel {c}")))
            .Concat(earlier.Select(a => new KnownConversation(a.Platform, a.Conversation, $"{(a.Platform == Platforms.Slack ? "Slack channel" : "Teams conversation")} {a.Conversation}")))
            .DistinctBy(c => c.Value)
            .OrderBy(c => c.Platform, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }
}
