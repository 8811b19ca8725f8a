using CoalitionBot.Conversation;
using CoalitionBot.Reminders;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Actions;

/// <summary>
/// A word about an action after it went out, its text fixed when scheduled (<see cref="Delivery.Detail"/>): what an edit
/// changed (to the members who had answered, with the buttons while it is open) or that it was cancelled (to the audience).
/// </summary>
public sealed class NoticeComposer(IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time) : ActionComposer(contexts, time)
{
    public override string Kind => ActionDeliveries.Notice;

    protected override Reply? Compose(AdvocacyAction action, Delivery delivery)
    {
        if (delivery.Detail is not { Length: > 0 } text)
        {
            return null;
        }
        // An edit's notice that waited until after a cancel would tell of a change to something called off.
        var cancelNotice = delivery.Key.StartsWith(ActionDeliveries.CancelledPrefix, StringComparison.Ordinal);
        if (!cancelNotice && action.CancelledAt is not null)
        {
            return null;
        }
        var open = !action.IsClosedAt(Time.GetUtcNow());
        return new Reply(ReplyKind.Announcement, text, null, open ? ActionText.Buttons(action) : [], Deadline: open ? action.Deadline : null);
    }
}
