using CoalitionBot.Conversation;
using CoalitionBot.Organisations;
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
        return action is null ? null : await ComposeAsync(action, delivery, db, cancellationToken);
    }

    public virtual Task<DateTimeOffset?> PostponeAsync(Delivery delivery, CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);

    /// <summary>The action's deadline, or null when it is gone.</summary>
    protected async Task<DateTimeOffset?> DeadlineAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<AdvocacyAction>().Where(a => a.Id == delivery.Subject).Select(a => (DateTimeOffset?)a.Deadline).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The message for the action as it is now, or null when it is no longer needed. Composers override this or <see cref="ComposeAsync(AdvocacyAction, Delivery, CoalitionDbContext, CancellationToken)"/>.</summary>
    protected virtual Reply? Compose(AdvocacyAction action, Delivery delivery) => null;

    /// <summary>For messages that need more than the action (the summary reads its deliveries).</summary>
    protected virtual Task<Reply?> ComposeAsync(AdvocacyAction action, Delivery delivery, CoalitionDbContext db, CancellationToken cancellationToken) =>
        Task.FromResult(Compose(action, delivery));
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

    protected override async Task<Reply?> ComposeAsync(AdvocacyAction action, Delivery delivery, CoalitionDbContext db, CancellationToken cancellationToken)
    {
        if (action.IsClosedAt(Time.GetUtcNow()))
        {
            return null;
        }
        var signed = ActionTallies.Answered(action, await OrganisationIndex.LoadAsync(db, cancellationToken)).Count(s => s.Signed);
        var text = $"Reminder — {ActionKinds.Label(action.Kind)}: {action.Title}\nDeadline: {ActionText.Deadline(action)}. "
            + $"{signed} organisation{(signed == 1 ? " has" : "s have")} signed so far; if yours has not answered yet, please do.";
        return new Reply(ReplyKind.Announcement, text, null, ActionText.Buttons(action), Deadline: action.Deadline);
    }
}

/// <summary>
/// The coordinator's summary at the close: organisations signed (with their signers), declined, the
/// members asked directly who never answered, and the messages that could not be delivered.
/// </summary>
public sealed class SummaryComposer(IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time) : ActionComposer(contexts, time)
{
    private const int MaxListed = 30;

    public override string Kind => ActionDeliveries.Summary;

    protected override async Task<Reply?> ComposeAsync(AdvocacyAction action, Delivery delivery, CoalitionDbContext db, CancellationToken cancellationToken)
    {
        var deliveries = await db.Set<Delivery>().AsNoTracking().Where(d => d.Subject == action.Id && d.Kind != ActionDeliveries.Summary).ToListAsync(cancellationToken);
        var directory = await OrganisationIndex.LoadAsync(db, cancellationToken);
        var standings = ActionTallies.Answered(action, directory);
        var signed = standings.Where(s => s.Signed).ToList();
        var declined = standings.Count - signed.Count;
        var notAnswered = ActionTallies.NotAnswered(standings, directory);
        var answered = action.Responses.Where(r => r.Answer != ActionAnswer.Later).Select(r => (r.Platform, r.UserId)).ToHashSet();
        var silent = deliveries.Where(d => d.Kind == ActionDeliveries.Broadcast && d.UserId is not null && !answered.Contains((d.Platform, d.UserId)))
            .Select(d => d.UserId!).Distinct().ToList();
        var failed = deliveries.Where(d => d.State == DeliveryState.Failed).ToList();

        var text = new System.Text.StringBuilder(action.CancelledAt is null ? $"Closed — {action.Title}\n" : $"Cancelled — {action.Title}\nThe action was cancelled; no further reminders were sent.\n");
        text.Append($"{signed.Count} organisation{(signed.Count == 1 ? "" : "s")} signed, {declined} declined");
        text.Append(notAnswered.Count > 0 ? $", {notAnswered.Count} in the directory did not answer" : "");
        text.Append(silent.Count > 0 ? $", {silent.Count} member{(silent.Count == 1 ? "" : "s")} asked directly did not answer.\n" : ".\n");
        if (signed.Count > 0)
        {
            text.Append("Signatories:\n");
            foreach (var organisation in signed.Take(MaxListed))
            {
                var signers = organisation.Responses.Where(r => r.Answer == ActionAnswer.Signed)
                    .Select(r => r.SignerName is null ? null : r.SignerTitle is { Length: > 0 } title ? $"{r.SignerName}, {title}" : r.SignerName)
                    .OfType<string>().ToList();
                text.Append($"• {organisation.Name}{(signers.Count > 0 ? " — " + string.Join("; ", signers) : "")}\n");
            }
            if (signed.Count > MaxListed)
            {
                text.Append($"… and {signed.Count - MaxListed} more.\n");
            }
        }
        if (failed.Count > 0)
        {
            text.Append($"{failed.Count} message{(failed.Count == 1 ? "" : "s")} could not be delivered: "
                + string.Join("; ", failed.Take(10).Select(d => $"{d.UserId ?? d.ConversationId} ({d.Error})")) + "\n");
        }
        text.Append($"The full list is at GET /api/actions/{action.Id}/signatories.csv.");
        return new Reply(ReplyKind.Announcement, text.ToString(), null, []);
    }
}
