using CoalitionBot.Conversation;
using CoalitionBot.Storage;
using CoalitionBot.Teams.Connector;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;

namespace CoalitionBot.Teams.Conversations;

/// <summary>
/// Keeps where each member can be reached again: the Bot Framework ConversationReference of every
/// conversation a member wrote in (or installed the bot in), as JSON in a <see cref="ConversationReferenceRecord"/>,
/// with the member's last reported time zone. Written on install, on every message, and when the bot opens a 1:1.
/// </summary>
internal sealed class ConversationReferenceStore(IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time)
{
    public const string Platform = Platforms.Teams;

    public Task SaveAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } || activity.ServiceUrl is not { Length: > 0 })
        {
            return Task.CompletedTask;
        }
        return UpsertAsync(activity.GetConversationReference(), TeamsMember.From(activity), cancellationToken);
    }

    /// <summary>Records a conversation the bot created itself (a 1:1 opened to reach a member).</summary>
    public Task SaveCreatedAsync(ConversationReference reference, TeamsMember member, CancellationToken cancellationToken) =>
        UpsertAsync(reference, member, cancellationToken);

    /// <summary>The stored references of a member, newest first (conversation ids without ";messageid=").</summary>
    public async Task<IReadOnlyList<ConversationReferenceRecord>> ForMemberAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Set<ConversationReferenceRecord>().Where(r => r.Platform == Platform && r.UserId == userId).ToListAsync(cancellationToken);
        return records.OrderByDescending(r => r.UpdatedAt).ToList();
    }

    /// <summary>
    /// The member's IANA zone: as this activity reports it, else as their client last reported it (card submits and
    /// invokes often carry none), else null.
    /// </summary>
    public async Task<string?> TimeZoneAsync(TeamsMember member, CancellationToken cancellationToken) =>
        member.TimeZone ?? (await ForMemberAsync(member.UserId, cancellationToken)).Select(r => r.TimeZone).FirstOrDefault(z => z is { Length: > 0 });

    /// <summary>The most recent stored reference into a conversation (a channel, a chat), whoever wrote in it.</summary>
    public async Task<ConversationReferenceRecord?> ForConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        var key = TeamsConversation.WithoutMessageId(conversationId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Set<ConversationReferenceRecord>().Where(r => r.Platform == Platform && r.ConversationId == key).ToListAsync(cancellationToken);
        return records.OrderByDescending(r => r.UpdatedAt).FirstOrDefault();
    }

    /// <summary>
    /// Remembers members listed from a conversation's roster, for those the bot has no row for there yet: their
    /// 29: id and tenant are what opening a 1:1 with them needs (<see cref="TeamsSender.SendToMemberAsync(string, Microsoft.Bot.Schema.Activity, CancellationToken)"/>).
    /// Rows written from the members' own messages are left as they are; they know more (zone, locale).
    /// </summary>
    public async Task SaveRosterAsync(ConversationReferenceRecord conversation, IReadOnlyList<TeamsMember> members, CancellationToken cancellationToken)
    {
        if (Reference(conversation) is not { } reference)
        {
            return;
        }
        // Idempotent by the unique index: if a member's own message inserted their row meanwhile, go round once more.
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var known = (await db.Set<ConversationReferenceRecord>()
                .Where(r => r.Platform == Platform && r.ConversationId == conversation.ConversationId)
                .Select(r => r.UserId)
                .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var member in members.Where(m => !known.Contains(m.UserId)).DistinctBy(m => m.UserId))
            {
                reference.User = new ChannelAccount(member.ChannelUserId, member.Name);
                db.Add(new ConversationReferenceRecord
                {
                    Platform = Platform,
                    ConversationId = conversation.ConversationId,
                    ConversationType = conversation.ConversationType,
                    UserId = member.UserId,
                    ChannelUserId = member.ChannelUserId,
                    UserName = member.Name,
                    TenantId = conversation.TenantId,
                    ServiceUrl = conversation.ServiceUrl,
                    ReferenceJson = JsonConvert.SerializeObject(reference),
                    UpdatedAt = time.GetUtcNow(),
                });
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (attempt == 0 && e.IsDuplicate())
            {
            }
        }
    }

    public static ConversationReference? Reference(ConversationReferenceRecord record) =>
        JsonConvert.DeserializeObject<ConversationReference>(record.ReferenceJson);

    private async Task UpsertAsync(ConversationReference reference, TeamsMember member, CancellationToken cancellationToken)
    {
        var key = TeamsConversation.WithoutMessageId(reference.Conversation.Id);
        // Proactive messages start something new: a post in the channel (not a reply in the question's thread),
        // a message in the chat. So the stored reference names the conversation itself and no activity to reply to.
        reference.ActivityId = null;
        reference.Conversation = new ConversationAccount(
            reference.Conversation.IsGroup, reference.Conversation.ConversationType, key, reference.Conversation.Name,
            reference.Conversation.AadObjectId, reference.Conversation.Role, reference.Conversation.TenantId);
        var referenceJson = JsonConvert.SerializeObject(reference);
        // Idempotent by the unique index: a concurrent insert that loses the race is retried as an update.
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var record = await db.Set<ConversationReferenceRecord>()
                .SingleOrDefaultAsync(r => r.Platform == Platform && r.ConversationId == key && r.UserId == member.UserId, cancellationToken);
            if (record is null)
            {
                record = new ConversationReferenceRecord { Platform = Platform, ConversationId = key, UserId = member.UserId, ServiceUrl = reference.ServiceUrl, ReferenceJson = referenceJson };
                db.Add(record);
            }
            record.ConversationType = reference.Conversation.ConversationType ?? record.ConversationType;
            record.ChannelUserId = member.ChannelUserId;
            record.UserName = member.Name ?? record.UserName;
            record.TenantId = reference.Conversation.TenantId ?? record.TenantId;
            record.ServiceUrl = reference.ServiceUrl;
            record.ReferenceJson = referenceJson;
            // The last zone seen stays until a client reports another: installs and invokes often carry none.
            record.TimeZone = member.TimeZone ?? record.TimeZone;
            record.Locale = member.Locale ?? record.Locale;
            record.UpdatedAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (attempt == 0 && e.IsDuplicate())
            {
                // Another turn inserted the same member and conversation first: go round again and update its row.
            }
        }
    }
}
