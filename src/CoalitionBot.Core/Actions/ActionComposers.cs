using CoalitionBot.Conversation;
using CoalitionBot.Reminders;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Actions;

/// <summary>Loads the action a delivery is about, as it is at send time.</summary>
public abstract class ActionComposer(IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time) : IDeliveryComposer
{
    public abstract string Kind { get; }

    protected TimeProvider Time => time;

    public async Task<Reply?> ComposeAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var action = await db.Set<AdvocacyAction>().Include(a => a.Responses).SingleOrDefaultAsync(a => a.Id == delivery.Subject, cancellationToken);
        return action is null ? null : Compose(action, delivery);
    }

    /// <summary>The message for the action as it is now, or null when it is no longer needed.</summary>
    protected abstract Reply? Compose(AdvocacyAction action, Delivery delivery);
}

/// <summary>The announcement in each audience channel, with the three buttons; not sent once the action is closed.</summary>
public sealed class BroadcastComposer(IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time) : ActionComposer(contexts, time)
{
    public override string Kind => ActionDeliveries.Broadcast;

    protected override Reply? Compose(AdvocacyAction action, Delivery delivery) =>
        action.IsClosedAt(Time.GetUtcNow()) ? null : new Reply(ReplyKind.Announcement, ActionText.Describe(action), null, ActionText.Buttons(action), Deadline: action.Deadline);
}

/// <summary>A channel's reminder: the deadline and how many organisations have signed; none after the close.</summary>
public sealed class ReminderComposer(IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time) : ActionComposer(contexts, time)
{
    public override string Kind => ActionDeliveries.Reminder;

    protected override Reply? Compose(AdvocacyAction action, Delivery delivery)
    {
        if (action.IsClosedAt(Time.GetUtcNow()))
        {
            return null;
        }
        var signed = action.Responses.Where(r => r.Answer == ActionAnswer.Signed).Select(r => r.Organisation ?? r.UserId).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var text = $"Reminder — {ActionKinds.Label(action.Kind)}: {action.Title}\nDeadline: {ActionText.Deadline(action)}. "
            + $"{signed} organisation{(signed == 1 ? " has" : "s have")} signed so far; if yours has not answered yet, please do.";
        return new Reply(ReplyKind.Announcement, text, null, ActionText.Buttons(action), Deadline: action.Deadline);
    }
}

/// <summary>The coordinator's summary at the close: organisations signed, declined, and the signatory list.</summary>
public sealed class SummaryComposer(IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time) : ActionComposer(contexts, time)
{
    public override string Kind => ActionDeliveries.Summary;

    protected override Reply? Compose(AdvocacyAction action, Delivery delivery)
    {
        var byOrganisation = action.Responses
            .Where(r => r.Answer != ActionAnswer.Later)
            .GroupBy(r => r.Organisation ?? r.UserId, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var signed = byOrganisation.Where(g => g.Any(r => r.Answer == ActionAnswer.Signed)).Select(g => g.Key).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var declined = byOrganisation.Count - signed.Count;
        var text = $"Closed — {action.Title}\n{signed.Count} organisation{(signed.Count == 1 ? "" : "s")} signed, {declined} declined."
            + (signed.Count > 0 ? "\nSignatories: " + string.Join("; ", signed) : "")
            + $"\nThe full list (signer names and titles) is at GET /api/actions/{action.Id}/signatories.csv.";
        return new Reply(ReplyKind.Announcement, text, null, []);
    }
}
