using CoalitionBot.Conversation;
using CoalitionBot.Teams.Bot;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Teams.Connector;

/// <summary>
/// Teams' throttling (teams-protocol.md section 6) as lanes of the shared <see cref="SendPacer"/>: at most
/// <see cref="TeamsOptions.ProactiveCallsPerSecond"/> per tenant and one per <see cref="TeamsOptions.ConversationSendInterval"/>
/// per conversation.
/// </summary>
internal sealed class TeamsPacer(IOptions<TeamsOptions> options, SendPacer pacer)
{
    /// <summary>Completes when a call for <paramref name="conversationId"/> in <paramref name="tenantId"/> may be made.</summary>
    public Task WaitTurnAsync(string? tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var perSecond = options.Value.ProactiveCallsPerSecond;
        return pacer.WaitTurnAsync(
        [
            ("teams:tenant:" + (tenantId ?? ""), perSecond > 0 ? TimeSpan.FromSeconds(1 / perSecond) : TimeSpan.Zero),
            ("teams:conversation:" + conversationId, options.Value.ConversationSendInterval),
        ], cancellationToken);
    }
}
