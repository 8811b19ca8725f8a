using CoalitionBot.Conversation;
using CoalitionBot.Teams.AdaptiveCards;
using CoalitionBot.Teams.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CoalitionBot.Teams;

/// <summary>
/// The conversation's own buttons beyond feedback and suggestions: an onboarding step's Back / Next / Ask about
/// this / Mark as done / Stop (and "Start the tour"), "Ask a coordinator" and the coordinators' "Save as answer".
/// Each answer is a new card in the conversation (the thread, in a channel) the button was clicked in: one message
/// per onboarding step, so the member can scroll back through the tour.
/// </summary>
internal sealed class TeamsConversationButtons(ConversationEngine engine, CoordinatorQuestions coordinators, TeamsReplier replier)
{
    public static bool Handles(string? action) =>
        action is ReplyActions.AskCoordinator or ReplyActions.SaveAnswer || (action is not null && ReplyActions.IsOnboarding(action));

    public async Task SubmitAsync(ITurnContext turnContext, Activity activity, CardSubmit submit, CancellationToken cancellationToken)
    {
        var member = TeamsMember.From(activity);
        var value = submit.Value ?? "";
        var reply = submit.Action switch
        {
            ReplyActions.AskCoordinator => await coordinators.AskAsync(CoalitionActivityHandler.Platform, member.UserId, value, cancellationToken),
            ReplyActions.SaveAnswer => await coordinators.SaveAsync(value, cancellationToken),
            // Where the click happened, as a typed message would name it: "Ask about this" makes the step the
            // context of that conversation (or channel thread) for the member's next question.
            var action => await engine.OnboardingClickAsync(
                new IncomingMessage(CoalitionActivityHandler.Platform, member.UserId, TeamsConversation.WithoutMessageId(activity.Conversation?.Id ?? ""), TeamsConversation.ThreadId(activity), ""),
                action!, value, cancellationToken),
        };
        await replier.SendAsync(turnContext, reply, "", cancellationToken);
    }
}
