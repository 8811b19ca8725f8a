using CoalitionBot.Conversation;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.WebApi;

/// <summary>
/// Slack's one message a second per channel as a lane of the shared <see cref="SendPacer"/>: chat.postMessage calls
/// to one channel are spaced by <see cref="SlackOptions.ChannelPostInterval"/>, other channels never delayed.
/// </summary>
internal sealed class ChannelPacer(IOptions<SlackOptions> options, SendPacer pacer)
{
    /// <summary>Completes when a message may be posted to <paramref name="channel"/>.</summary>
    public Task WaitTurnAsync(string channel, CancellationToken cancellationToken) =>
        pacer.WaitTurnAsync([("slack:channel:" + channel, options.Value.ChannelPostInterval)], cancellationToken);
}
