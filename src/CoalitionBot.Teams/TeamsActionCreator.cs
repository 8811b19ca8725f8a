using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Teams.AdaptiveCards;
using CoalitionBot.Teams.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams;

/// <summary>
/// A coordinator creates a joint action from Teams: "action new" sends the form; its submit is read in the
/// coordinator's zone and checked field by field (errors come back on the form, values kept); a valid draft
/// comes back as a confirmation card, and "Create and send" creates the action for the conversation the form was
/// filled in. The action's id derives from the confirmation card's id, so a double click creates one action.
/// Every step checks the coordinator again: card data comes from the client and anyone in a channel can click.
/// </summary>
internal sealed class TeamsActionCreator(
    ActionService actions,
    ActionCommands commands,
    ConversationReferenceStore references,
    TeamsReplier replier,
    TimeProvider time)
{
    public async Task ShowFormAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        if (await CoordinatorAsync(turnContext, activity, cancellationToken) is not { } member)
        {
            return;
        }
        var zone = await references.TimeZoneAsync(member, cancellationToken) ?? "UTC";
        await SendFormAsync(turnContext, ActionFormValues.Empty(zone), null, cancellationToken);
    }

    public async Task SubmitFormAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        if (await CoordinatorAsync(turnContext, activity, cancellationToken) is not { } member)
        {
            return;
        }
        var values = ActionFormValues.FromForm(activity.Value as JObject ?? [], await references.TimeZoneAsync(member, cancellationToken) ?? "UTC");
        var check = values.ToDraft().Check(time.GetUtcNow());
        if (!check.IsValid)
        {
            await SendFormAsync(turnContext, values, check.Errors, cancellationToken);
            return;
        }
        var confirmed = values with
        {
            Conversation = TeamsConversation.WithoutMessageId(activity.Conversation?.Id ?? ""),
            DeadlineAt = check.Deadline!.Value.ToUnixTimeSeconds(),
            // Stands in for the confirmation card's id should a client leave out replyToId.
            RequestId = Guid.NewGuid().ToString("N"),
        };
        var text = values.ToDraft().Confirmation(check, 1, values.Dm);
        await replier.SendCardAsync(turnContext, ActionCards.Confirmation(text, confirmed), text, cancellationToken);
    }

    public async Task ChangeAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        if (await CoordinatorAsync(turnContext, activity, cancellationToken) is not { } member)
        {
            return;
        }
        var values = ActionFormValues.FromDraft(activity.Value as JObject ?? [], await references.TimeZoneAsync(member, cancellationToken) ?? "UTC");
        await SendFormAsync(turnContext, values, null, cancellationToken);
    }

    public async Task ConfirmAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        if (await CoordinatorAsync(turnContext, activity, cancellationToken) is not { } member)
        {
            return;
        }
        var values = ActionFormValues.FromDraft(activity.Value as JObject ?? [], await references.TimeZoneAsync(member, cancellationToken) ?? "UTC");
        var draft = values.ToDraft(confirmed: true);
        // Checked again: the deadline may have passed while the confirmation waited.
        var check = draft.Check(time.GetUtcNow());
        if (!check.IsValid)
        {
            await SendFormAsync(turnContext, values, check.Errors, cancellationToken);
            return;
        }
        var conversation = values.Conversation is { Length: > 0 } stored ? stored : TeamsConversation.WithoutMessageId(activity.Conversation?.Id ?? "");
        var request = draft.ToNewAction(check, [new NewAudience(ConversationReferenceStore.Platform, null, conversation, values.Dm)], new NewCoordinator(ConversationReferenceStore.Platform, member.UserId));
        var requestId = activity.ReplyToId is { Length: > 0 } cardId ? cardId : values.RequestId ?? activity.Id;
        var (action, problem) = await actions.CreateAsync(request, "teams:" + member.UserId, cancellationToken, requestId: "teams:" + requestId);
        var reminders = check.Offsets!.Count == 0 ? "no reminders" : "reminders " + ReminderOffsets.Describe(check.Offsets);
        if (problem is null && activity.ReplyToId is { Length: > 0 } confirmation)
        {
            // The confirmation loses its buttons: "Create and send" was pressed, and a second press would only be refused.
            await replier.UpdateAsync(turnContext, confirmation, new Reply(ReplyKind.Announcement,
                $"{values.ToDraft().Confirmation(check, 1, values.Dm)}\n\nCreated as {action!.Id}.", null, []), cancellationToken);
        }
        await replier.SendTextAsync(turnContext, problem?.Error
            ?? $"Created “{action!.Title}” ({action.Id}). The request goes out now; {reminders}; I'll send you the summary at the deadline.", cancellationToken);
    }

    private Task SendFormAsync(ITurnContext turnContext, ActionFormValues values, IReadOnlyDictionary<string, string>? errors, CancellationToken cancellationToken) =>
        replier.SendCardAsync(turnContext, ActionCards.NewActionForm(values, errors), errors is { Count: > 0 } ? ActionCards.ErrorList(errors) : "New joint action", cancellationToken);

    /// <summary>The member when they coordinate; otherwise says so and returns null.</summary>
    private async Task<TeamsMember?> CoordinatorAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        var member = TeamsMember.From(activity);
        if (commands.IsCoordinator(ConversationReferenceStore.Platform, member.UserId))
        {
            return member;
        }
        await replier.SendTextAsync(turnContext, ActionCommands.NotCoordinator, cancellationToken);
        return null;
    }
}
