using CoalitionBot.Conversation;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Actions;

/// <summary>The personal reminder a member asked for with "Remind me later"; skipped if they answered since or the action closed.</summary>
public sealed class LaterReminderComposer(IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time) : ActionComposer(contexts, time)
{
    public const string Name = "action.later";

    public override string Kind => Name;

    protected override Reply? Compose(AdvocacyAction action, Reminders.Delivery delivery)
    {
        if (action.IsClosedAt(Time.GetUtcNow()))
        {
            return null;
        }
        var answer = action.Responses.SingleOrDefault(r => r.Platform == delivery.Platform && r.UserId == delivery.UserId);
        return answer is { Answer: ActionAnswer.Signed or ActionAnswer.Declined }
            ? null
            : new Reply(ReplyKind.Announcement, "You asked me to remind you — " + ActionText.Describe(action), null, ActionText.Buttons(action));
    }
}
