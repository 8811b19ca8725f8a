using CoalitionBot.Conversation;
using CoalitionBot.Organisations;
using CoalitionBot.Reminders;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Actions;

/// <summary>
/// The personal reminder a member asked for with "Remind me later"; skipped if they or their organisation answered
/// since, or the action closed. Never at night in the member's zone (<see cref="QuietHours"/>).
/// </summary>
public class LaterReminderComposer(IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time, IEnumerable<IMemberTimeZones> zones)
    : ActionComposer(contexts, time)
{
    public const string Name = "action.later";

    public override string Kind => Name;

    protected virtual string Opening => "You asked me to remind you — ";

    protected override async Task<Reply?> ComposeAsync(AdvocacyAction action, Delivery delivery, CoalitionDbContext db, CancellationToken cancellationToken)
    {
        if (action.IsClosedAt(Time.GetUtcNow()) || delivery.UserId is null)
        {
            return null;
        }
        var directory = await OrganisationIndex.LoadAsync(db, cancellationToken);
        var typedBefore = await db.Set<ActionResponse>().AsNoTracking()
            .Where(r => r.Platform == delivery.Platform && r.UserId == delivery.UserId && r.Organisation != null)
            .OrderByDescending(r => r.AnsweredAt).Select(r => r.Organisation).FirstOrDefaultAsync(cancellationToken);
        // Their own answer, or anyone's of their organisation: "your organisation has not answered" must not reach them.
        return ActionTallies.OrganisationHasAnswered(ActionTallies.Answered(action, directory), directory, delivery.Platform, delivery.UserId, typedBefore)
            ? null
            : new Reply(ReplyKind.Announcement, Opening + ActionText.Describe(action), null, ActionText.Buttons(action), Deadline: action.Deadline);
    }

    public override async Task<DateTimeOffset?> PostponeAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.UserId is null || await DeadlineAsync(delivery, cancellationToken) is not { } deadline)
        {
            return null;
        }
        string? zone = null;
        if (zones.FirstOrDefault(z => z.Platform == delivery.Platform) is { } platform)
        {
            try
            {
                zone = await platform.ZoneOfAsync(delivery.UserId, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                zone = null;   // the zone is unknown for now: read as UTC, as DeadlineReader does
            }
        }
        // From the time it was due: after downtime a reminder due in the evening and taken at 23:00 waits for the morning too.
        return QuietHours.Postpone(Time.GetUtcNow() > delivery.DueAt ? Time.GetUtcNow() : delivery.DueAt, deadline, zone);
    }
}

/// <summary>
/// A reminder at an offset to an audience member asked directly; only to members whose organisation has neither
/// signed nor declined, and never at night in their zone.
/// </summary>
public sealed class MemberReminderComposer(IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time, IEnumerable<IMemberTimeZones> zones)
    : LaterReminderComposer(contexts, time, zones)
{
    public override string Kind => ActionDeliveries.MemberReminder;

    protected override string Opening => "Reminder — your organisation has not answered yet. ";
}
