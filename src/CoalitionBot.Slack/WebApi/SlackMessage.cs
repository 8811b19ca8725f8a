using System.Text.Json.Nodes;

namespace CoalitionBot.Slack.WebApi;

/// <summary>
/// A message for chat.postMessage. <paramref name="Text"/> is always sent: it is the notification and
/// screen-reader fallback when there are <paramref name="Blocks"/>. A user id as
/// <paramref name="Channel"/> posts into the bot's DM with that person.
/// </summary>
/// <param name="UnfurlLinks">Whether Slack previews links and media in the message. Default: false.</param>
internal sealed record SlackMessage(string Channel, string Text, JsonArray? Blocks = null, string? ThreadTs = null, bool UnfurlLinks = false);

/// <summary>Where a message landed: the channel id (a D… id for DMs, needed by chat.update) and its ts.</summary>
internal sealed record PostedMessage(string Channel, string Ts);
