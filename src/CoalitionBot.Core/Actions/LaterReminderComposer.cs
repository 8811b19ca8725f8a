using CoalitionBot.Conversation;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Actions;

/// <summary>The personal reminder a member asked for with "Remind me later"; skipped if they answered since or the action closed.</summary>
public class LaterReminderComposer(IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time) : ActionComposer(contexts, time)
{
    public const string Name = "action.later";

    public override string Kind => Name;

    protected virtual string Opening => "You asked me to remind you — ";

    protected override Reply? Compose(AdvocacyAction action, Reminders.Delivery delivery)
    {
        if (action.IsClosedAt(Time.GetUtcNow()))
        {
            return null;
        }
        var answer = action.Responses.SingleOrDefault(r => r.Platform == delivery.Platform && r.UserId == delivery.UserId);
        return answer is { Answer: ActionAnswer.Signed or ActionAnswer.Declined }
            ? null
            : new Reply(ReplyKind.Announcement, Opening + ActionText.Describe(action), null, ActionText.Buttons(action), Deadline: action.Deadline);
    }
}

/// <summary>A reminder at an offset to an audience member asked directly; only to those who have not signed or declined.</summary>
public sealed class MemberReminderComposer(IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time) : LaterReminderComposer(contexts, time)
{
    public override string Kind => ActionDeliveries.MemberReminder;

    protected override string Opening => "Reminder — your organisation has not answered yet. ";
}
