using System.Globalization;
using System.Xml;
using CoalitionBot.Reminders;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Actions;

/// <summary>After creation: edit (reminders re-timed, those who answered told what changed), cancel, retry a failed delivery.</summary>
public sealed partial class ActionService
{
    private static readonly TimeSpan LaterBeforeDeadline = TimeSpan.FromHours(1);

    /// <summary>
    /// Changes the title, summary, link or deadline of an action that is not closed. A new deadline re-times its reminders
    /// (those still ahead of the new deadline are scheduled again, the old ones skipped) and the summary; members who
    /// already answered get a message saying what changed. An empty link removes it.
    /// </summary>
    public async Task<(ActionView? Action, ActionProblem? Problem)> EditAsync(string id, ActionEdit edit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var (action, refused) = await LoadChangeableAsync(db, id, now, cancellationToken);
            if (action is null)
            {
                return (null, refused);
            }
            if (CheckEdit(edit, action, now) is { } problem)
            {
                return (null, problem);
            }
            var changes = new List<string>();
            if (edit.Title?.Trim() is { } title && title != action.Title)
            {
                changes.Add($"the title is now “{title}” (was “{action.Title}”)");
                action.Title = title;
            }
            if (edit.Summary?.Trim() is { } summary && summary != action.Summary)
            {
                changes.Add("the summary has changed");
                action.Summary = summary;
            }
            if (edit.Link is { } link && (link.Trim().Length == 0 ? null : link.Trim()) is var newLink && newLink != action.Link)
            {
                changes.Add(newLink is null ? "the link was removed" : $"the text is now at {newLink}");
                action.Link = newLink;
            }
            if (edit.TimeZone is { } zone)
            {
                action.TimeZone = zone;
            }
            var oldDeadline = action.Deadline;
            if (edit.Deadline is { } deadline && deadline.ToUniversalTime() != action.Deadline)
            {
                action.Deadline = deadline.ToUniversalTime();
                changes.Add($"the deadline is now {ActionText.Deadline(action)} (was {ActionText.Deadline(oldDeadline, action.TimeZone)})");
            }
            if (changes.Count == 0)
            {
                return (await GetAsync(id, cancellationToken), null);
            }
            action.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            if (action.Deadline != oldDeadline)
            {
                await RetimeAsync(db, action, now, cancellationToken);
            }
            if (action.SendAt is null || action.SendAt <= now)
            {
                var text = $"Update — {ActionKinds.Label(action.Kind)}: {action.Title}\n{Capitalise(string.Join("; ", changes))}.\n"
                    + "Your answer still stands; you can change it until the deadline.";
                var version = now.UtcTicks.ToString(CultureInfo.InvariantCulture);
                await scheduler.ScheduleAsync([.. action.Responses.Select(r =>
                    ActionDeliveries.NoticeTo($"changed:{id}:{version}:{r.Platform}:{r.UserId}", id, r.Platform, r.UserId, null, text, now))], cancellationToken);
            }
        }
        return (await GetAsync(id, cancellationToken), null);
    }

    /// <summary>
    /// Cancels an action that is not closed: pending broadcasts and reminders are skipped, everyone who got it (each
    /// channel, each member asked directly) gets a short notice, and the coordinator's summary goes now and says cancelled.
    /// </summary>
    public async Task<(ActionView? Action, ActionProblem? Problem)> CancelAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var (action, refused) = await LoadChangeableAsync(db, id, now, cancellationToken);
            if (action is null)
            {
                return (null, refused);
            }
            action.CancelledAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await db.Set<Delivery>()
                .Where(d => d.Subject == id && d.State == DeliveryState.Pending && d.Kind != ActionDeliveries.Summary && d.Kind != ActionDeliveries.Notice && d.LeaseOwner == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Skipped).SetProperty(d => d.Error, "the action was cancelled"), cancellationToken);
            await db.Set<Delivery>()
                .Where(d => d.Key == ActionDeliveries.SummaryKey(id) && d.State == DeliveryState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, now), cancellationToken);
            var reached = await db.Set<Delivery>().AsNoTracking()
                .Where(d => d.Subject == id && d.Kind == ActionDeliveries.Broadcast && d.State == DeliveryState.Sent).ToListAsync(cancellationToken);
            var text = $"Cancelled — {ActionKinds.Label(action.Kind)}: {action.Title}\nThe coordinators have called it off; no answer is needed, and no more reminders will come.";
            await scheduler.ScheduleAsync([.. reached.Select(d => ActionDeliveries.NoticeTo(
                $"{ActionDeliveries.CancelledPrefix}{id}:{d.Platform}:{d.UserId ?? d.ConversationId}", id, d.Platform, d.UserId, d.ConversationId, text, now))], cancellationToken);
        }
        return (await GetAsync(id, cancellationToken), null);
    }

    /// <summary>Puts a failed delivery of the action back on the schedule, due now, with its attempts reset (409 unless it failed).</summary>
    public async Task<(ActionView? Action, ActionProblem? Problem)> RetryDeliveryAsync(string id, long deliveryId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var delivery = await db.Set<Delivery>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId && d.Subject == id, cancellationToken);
            if (delivery is null)
            {
                return (null, await ExistsAsync(id, cancellationToken)
                    ? new ActionProblem(404, $"The action '{id}' has no delivery {deliveryId}.")
                    : NotFound(id));
            }
            if (delivery.State != DeliveryState.Failed)
            {
                return (null, new ActionProblem(409, $"Delivery {deliveryId} is {delivery.State.ToString().ToLowerInvariant()}, not failed; only a failed delivery can be retried."));
            }
            await db.Set<Delivery>().Where(d => d.Id == deliveryId && d.State == DeliveryState.Failed).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, DeliveryState.Pending)
                .SetProperty(d => d.DueAt, now)
                .SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.Error, (string?)null)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        }
        return (await GetAsync(id, cancellationToken), null);
    }

    /// <summary>The deadline moved: old reminders skipped, those still ahead scheduled for the new one, the summary and later reminders moved.</summary>
    private async Task RetimeAsync(Storage.CoalitionDbContext db, AdvocacyAction action, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = action.Id;
        await db.Set<Delivery>()
            .Where(d => d.Subject == id && d.State == DeliveryState.Pending && (d.Kind == ActionDeliveries.Reminder || d.Kind == ActionDeliveries.MemberReminder))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Skipped).SetProperty(d => d.Error, "re-timed: the deadline moved"), cancellationToken);
        var members = await db.Set<Delivery>().AsNoTracking()
            .Where(d => d.Subject == id && d.Kind == ActionDeliveries.Broadcast && d.UserId != null)
            .Select(d => new { d.Platform, d.UserId }).ToListAsync(cancellationToken);
        var offsets = action.ReminderOffsets.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(XmlConvert.ToTimeSpan).ToList();
        var from = action.SendAt is { } sendAt && sendAt > now ? sendAt : now;
        var version = ":" + action.Deadline.UtcTicks.ToString(CultureInfo.InvariantCulture);
        await scheduler.ScheduleAsync([.. ActionDeliveries.RemindersFor(action, offsets, [.. members.Select(m => (m.Platform, m.UserId!))], from, version)], cancellationToken);
        var deadline = action.Deadline;
        await db.Set<Delivery>()
            .Where(d => d.Key == ActionDeliveries.SummaryKey(id) && d.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, deadline), cancellationToken);
        // "Remind me later" promised a reminder before the deadline: one now after the new deadline comes an hour before it.
        var latest = deadline - LaterBeforeDeadline;
        await db.Set<Delivery>()
            .Where(d => d.Subject == id && d.State == DeliveryState.Pending && d.Kind == LaterReminderComposer.Name && d.DueAt > latest)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, latest > now ? latest : now), cancellationToken);
    }

    /// <summary>The action to edit or cancel, or why it cannot be: unknown (404), cancelled or closed (409).</summary>
    private static async Task<(AdvocacyAction? Action, ActionProblem? Problem)> LoadChangeableAsync(CoalitionDbContext db, string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var action = await Load(db, id, cancellationToken);
        return action is null ? (null, NotFound(id))
            : Unchangeable(action, now) is { } closed ? (null, closed)
            : (action, null);
    }

    private static ActionProblem? Unchangeable(AdvocacyAction action, DateTimeOffset now) =>
        action.CancelledAt is not null ? new ActionProblem(409, $"The action '{action.Id}' was already cancelled.")
        : action.IsClosedAt(now) ? new ActionProblem(409, $"The action '{action.Id}' is already closed.")
        : null;

    private static ActionProblem? CheckEdit(ActionEdit edit, AdvocacyAction action, DateTimeOffset now)
    {
        if (edit is { Title: null, Summary: null, Link: null, Deadline: null, TimeZone: null })
        {
            return new(400, "Nothing to change: give one or more of title, summary, link, deadline.");
        }
        if (edit.Title is { } title && string.IsNullOrWhiteSpace(title))
        {
            return new(400, "The title cannot be empty.");
        }
        if (edit.Title?.Trim().Length > MaxTitle)
        {
            return new(400, $"The title is {edit.Title.Trim().Length:N0} characters; keep it under {MaxTitle}.");
        }
        if (edit.Summary?.Length > MaxSummary)
        {
            return new(400, $"The summary is {edit.Summary.Length:N0} characters; keep it under {MaxSummary:N0}.");
        }
        if (edit.Link is { Length: > 0 } link && !IsWebAddress(link))
        {
            return new(400, $"The link '{link}' is not a web address.");
        }
        if (edit.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return new(400, $"'{zone}' is not a time zone; use an IANA name such as Europe/Brussels.");
        }
        if (edit.Deadline is { } deadline && deadline <= now)
        {
            return new(400, $"The deadline {deadline:yyyy-MM-dd HH:mm zzz} has already passed.");
        }
        if (edit.Deadline is { } later && action.SendAt is { } sendAt && later <= sendAt)
        {
            return new(400, "The deadline must come after the send time.");
        }
        return null;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
