using CoalitionBot.Conversation;
using CoalitionBot.Teams.Bot;
using CoalitionBot.Teams.Connector;
using CoalitionBot.Teams.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams.Connector;

/// <summary>
/// Proactive messages on Teams: a <see cref="Reply"/> as a card into a stored conversation (a member's 1:1,
/// a chat, or a new post in a channel), opening the 1:1 first when the bot only knows the member from a
/// channel or chat. Transient refusals are retried by <see cref="ConnectorRetry"/>; every call waits its turn
/// at the <see cref="TeamsPacer"/>. Roster reads (for actions that
/// ask each member directly) go the same way, since Teams throttles them like sends.
/// </summary>
internal sealed class TeamsSender(
    CoalitionAdapter adapter,
    ConversationReferenceStore references,
    TeamsPacer pacer,
    ConnectorRetry retry,
    IOptions<TeamsOptions> options)
{
    // Teams takes 50 to 500 members a page; fewer pages means fewer throttled calls.
    private const int RosterPageSize = 500;
    private const string Personal = "personal";

    private string AppId => options.Value.MicrosoftAppId ?? "";

    /// <summary>Sends to the member's personal chat with the bot, opening it if the bot knows the member only from elsewhere.</summary>
    public Task<SendOutcome> SendToMemberAsync(string userId, Reply reply, CancellationToken cancellationToken) =>
        SendToMemberAsync(userId, TeamsReplier.CardActivity(reply), cancellationToken);

    /// <summary>Sends a ready-made message (a card that is no <see cref="Reply"/>, such as a form) to the member's personal chat.</summary>
    public async Task<SendOutcome> SendToMemberAsync(string userId, Activity message, CancellationToken cancellationToken)
    {
        var known = await references.ForMemberAsync(userId, cancellationToken);
        if (known.FirstOrDefault(r => r.ConversationType == Personal) is { } personal)
        {
            return await SendAsync(personal, message, cancellationToken);
        }
        return known.FirstOrDefault(r => r.ChannelUserId is { Length: > 0 }) is { } seen && ConversationReferenceStore.Reference(seen) is { } via
            ? await OpenPersonalAndSendAsync(seen, via, message, cancellationToken)
            : SendOutcome.Unreachable;
    }

    /// <summary>Sends into the stored conversation: the 1:1 or chat itself, or a new post in the channel.</summary>
    public Task<SendOutcome> SendAsync(ConversationReferenceRecord target, Reply reply, CancellationToken cancellationToken) =>
        SendAsync(target, TeamsReplier.CardActivity(reply), cancellationToken);

    /// <summary>
    /// Sends into the stored conversation, as a reply in the channel thread whose root is <paramref name="threadId"/>
    /// when one is given, else as a new message (a new post in a channel). The message id is the one the connector
    /// gave it: for a new channel post, the root of its thread, which replies carry as ";messageid=" in their conversation id.
    /// </summary>
    public Task<(SendOutcome Outcome, string? MessageId)> PostAsync(ConversationReferenceRecord target, string? threadId, Reply reply, CancellationToken cancellationToken) =>
        PostAsync(target, threadId, TeamsReplier.CardActivity(reply), cancellationToken);

    private async Task<SendOutcome> SendAsync(ConversationReferenceRecord target, Activity message, CancellationToken cancellationToken) =>
        (await PostAsync(target, null, message, cancellationToken)).Outcome;

    private async Task<(SendOutcome Outcome, string? MessageId)> PostAsync(ConversationReferenceRecord target, string? threadId, Activity message, CancellationToken cancellationToken)
    {
        if (ConversationReferenceStore.Reference(target) is not { Conversation.Id: { } conversationId } reference)
        {
            return (SendOutcome.Unreachable, null);
        }
        if (threadId is { Length: > 0 })
        {
            // The stored reference names the channel itself; its threads are the channel id plus ";messageid=<root>".
            reference.Conversation.Id = TeamsConversation.InThread(conversationId, threadId);
        }
        var sent = (Outcome: SendOutcome.Failed, MessageId: (string?)null);
        await adapter.ContinueConversationAsync(AppId, reference, async (turnContext, ct) =>
            sent = await SendCardAsync(turnContext, reference, message, ct), cancellationToken);
        return sent;
    }

    /// <summary>
    /// Everyone in the stored conversation (a team's channel, a chat), all pages of GET …/pagedmembers, paced and
    /// retried like sends because roster reads count against the same throttling. Null when the connector refused.
    /// </summary>
    public async Task<IReadOnlyList<ChannelAccount>?> MembersAsync(ConversationReferenceRecord target, CancellationToken cancellationToken)
    {
        if (ConversationReferenceStore.Reference(target) is not { Conversation.Id: { } conversationId } reference)
        {
            return null;
        }
        var members = new List<ChannelAccount>();
        var complete = false;
        await adapter.ContinueConversationAsync(AppId, reference, async (turnContext, ct) =>
        {
            // The connector client CloudAdapter made for this turn: authenticated for the stored serviceUrl.
            var connector = turnContext.TurnState.Get<IConnectorClient>()
                ?? throw new InvalidOperationException("The adapter gave the proactive turn no connector client, so the roster cannot be read.");
            string? continuation = null;
            do
            {
                PagedMembersResult? page = null;
                if (!await WithRetriesAsync(target.TenantId, conversationId, async () =>
                    page = await connector.Conversations.GetConversationPagedMembersAsync(conversationId, RosterPageSize, continuation, ct), ct))
                {
                    return;
                }
                members.AddRange(page?.Members ?? []);
                continuation = page?.ContinuationToken is { Length: > 0 } next ? next : null;
            }
            while (continuation is not null);
            complete = true;
        }, cancellationToken);
        return complete ? members : null;
    }

    private async Task<SendOutcome> OpenPersonalAndSendAsync(ConversationReferenceRecord seen, ConversationReference via, Activity message, CancellationToken cancellationToken)
    {
        var member = new ChannelAccount(seen.ChannelUserId, seen.UserName);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = via.Bot,
            Members = [member],
            TenantId = seen.TenantId,
            // Teams needs the tenant in channelData to create a 1:1.
            ChannelData = new JObject { ["tenant"] = new JObject { ["id"] = seen.TenantId } },
        };
        var outcome = SendOutcome.Failed;
        var created = await WithRetriesAsync(seen.TenantId, "create:" + seen.ChannelUserId, () => adapter.CreateConversationAsync(
            AppId, via.ChannelId, via.ServiceUrl, AuthenticationConstants.ToChannelFromBotOAuthScope, parameters, async (turnContext, ct) =>
            {
                var reference = turnContext.Activity.GetConversationReference();
                reference.User = member;
                reference.Conversation.ConversationType ??= Personal;
                await references.SaveCreatedAsync(reference, new TeamsMember(seen.UserId, member.Id, seen.UserName, seen.TimeZone, seen.Locale), ct);
                reference.ActivityId = null;
                outcome = (await SendCardAsync(turnContext, reference, message, ct)).Outcome;
            }, cancellationToken), cancellationToken);
        return created ? outcome : SendOutcome.Failed;
    }

    private async Task<(SendOutcome Outcome, string? MessageId)> SendCardAsync(ITurnContext turnContext, ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        // Not turnContext.SendActivityAsync: it would reply to the turn's made-up activity id. The reference
        // names no activity, so this is a new message (a new post in a channel).
        activity.ApplyConversationReference(reference);
        ResourceResponse[]? responses = null;
        var sent = await WithRetriesAsync(reference.Conversation.TenantId, reference.Conversation.Id,
            async () => responses = await turnContext.Adapter.SendActivitiesAsync(turnContext, [activity], cancellationToken), cancellationToken);
        return sent ? (SendOutcome.Sent, responses?.FirstOrDefault()?.Id) : (SendOutcome.Failed, null);
    }

    /// <summary>Makes the call, paced, and again after a transient failure; false when it failed for good.</summary>
    private async Task<bool> WithRetriesAsync(string? tenantId, string conversationId, Func<Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await retry.RunAsync(conversationId, _ => call(), cancellationToken, beforeEach: ct => pacer.WaitTurnAsync(tenantId, conversationId, ct));
            return true;
        }
        catch (ErrorResponseException)
        {
            // ConnectorRetry logged the status; the outcome says "failed" to the caller.
            return false;
        }
    }

}
