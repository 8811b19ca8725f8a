using System.Globalization;
using System.Text.Json.Nodes;

namespace CoalitionBot.Slack.WebApi;

internal sealed partial class SlackApiClient
{
    // Slack suggests pages of at most 200.
    private const int MembersPageSize = 200;

    /// <summary>conversations.open: the DM (one user) or group DM (up to 8) with the bot; returns its channel id.</summary>
    public async Task<string> OpenConversationAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        const string Method = "conversations.open";
        var reply = await CallAsync(Method, new Dictionary<string, string> { ["users"] = string.Join(",", userIds) }, cancellationToken);
        return Required(reply["channel"], "id", Method);
    }

    /// <summary>conversations.members: every member's user id (bots included), following cursors to the last page.</summary>
    public async Task<IReadOnlyList<string>> ConversationMembersAsync(string channel, CancellationToken cancellationToken)
    {
        var members = new List<string>();
        string? cursor = null;
        do
        {
            var arguments = new Dictionary<string, string>
            {
                ["channel"] = channel,
                ["limit"] = MembersPageSize.ToString(CultureInfo.InvariantCulture),
            };
            if (cursor is not null)
            {
                arguments["cursor"] = cursor;
            }
            var reply = await CallAsync("conversations.members", arguments, cancellationToken);
            members.AddRange(Strings(reply["members"]));
            cursor = Text(reply["response_metadata"], "next_cursor");
        }
        while (!string.IsNullOrEmpty(cursor));
        return members;
    }

    /// <summary>conversations.info: whether the bot is in the channel; null when the reply does not say (a DM, or a reply without the flag).</summary>
    public async Task<bool?> IsMemberAsync(string channel, CancellationToken cancellationToken)
    {
        var reply = await CallAsync("conversations.info", new Dictionary<string, string> { ["channel"] = channel }, cancellationToken);
        return reply["channel"]?["is_member"] is JsonValue flag && flag.TryGetValue<bool>(out var member) ? member : null;
    }
}
