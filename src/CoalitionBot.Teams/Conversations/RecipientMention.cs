using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams.Conversations;

/// <summary>
/// Removes the bot's own @mention ("&lt;at&gt;CoalitionBot&lt;/at&gt;") from a message's text, reading the mention
/// entities as Activity.RemoveRecipientMention does, but tolerating entities without "mentioned" or text
/// (which make the SDK's version throw) instead of failing the turn.
/// </summary>
internal static class RecipientMention
{
    public static string Remove(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            // Through JSON, so a typed Mention (built in code) and a plain Entity (off the wire) read alike.
            var mention = JObject.FromObject(entity);
            var mentionedId = (mention["mentioned"] as JObject)?["id"]?.Type == JTokenType.String ? (string?)mention["mentioned"]!["id"] : null;
            var mentionText = mention["text"]?.Type == JTokenType.String ? (string?)mention["text"] : null;
            if (botId is not null && mentionedId == botId && !string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, "", StringComparison.OrdinalIgnoreCase);
            }
        }
        return text.Trim();
    }
}
