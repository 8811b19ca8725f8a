using System.Text.Json.Nodes;

namespace CoalitionBot.Teams.Tests.Support;

/// <summary>Activities as Teams posts them to /api/messages (shape from teams-protocol.md and the Bot Framework schema).</summary>
public static class TeamsActivities
{
    public const string BotId = "28:coalitionbot-app-id";
    public const string BotName = "CoalitionBot";
    public const string UserId = "29:1user-channel-id";
    public const string UserAadId = "6b8e0f1c-0000-4000-8000-00000000a11c";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string PersonalConversation = "a:1personal-conversation";
    public const string Channel = "19:general-channel@thread.tacv2";

    public static JsonObject PersonalMessage(string serviceUrl, string text, string id = "1764000000001", string? timeZone = "Europe/Brussels") =>
        Message(serviceUrl, id, PersonalConversation, "personal", text, timeZone);

    /// <summary>A channel post that @mentions the bot, inside the thread whose root is <paramref name="threadRoot"/>.</summary>
    public static JsonObject ChannelMention(string serviceUrl, string question, string threadRoot, string id)
    {
        var activity = Message(serviceUrl, id, $"{Channel};messageid={threadRoot}", "channel", $"<at>{BotName}</at> {question}", null);
        ((JsonArray)activity["entities"]!).Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{BotName}</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        });
        activity["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = Channel,
            ["channel"] = new JsonObject { ["id"] = Channel },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        };
        return activity;
    }

    /// <summary>An Action.Submit click: a message with no text, the action's data as value, replyToId the card's id.</summary>
    public static JsonObject Submit(string serviceUrl, JsonObject data, string replyToId, string id = "1764000000099")
    {
        var activity = Message(serviceUrl, id, PersonalConversation, "personal", null, "Europe/Brussels");
        activity.Remove("text");
        activity["value"] = data;
        activity["replyToId"] = replyToId;
        return activity;
    }

    /// <summary>The bot installed in a personal scope: membersAdded names the bot.</summary>
    public static JsonObject BotInstalled(string serviceUrl) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "f:install-1",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["timestamp"] = "2026-11-25T21:00:00.000Z",
        ["from"] = new JsonObject { ["id"] = UserId, ["aadObjectId"] = UserAadId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["conversation"] = new JsonObject { ["id"] = PersonalConversation, ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["locale"] = "en-US",
    };

    /// <summary>
    /// Members joined a team (or a chat): a conversationUpdate whose membersAdded names them by 29: id and Entra object id,
    /// in the team's general channel <paramref name="conversationId"/>, channelData naming the team.
    /// </summary>
    public static JsonObject MembersAdded(string serviceUrl, string conversationId, string? teamId, string id, params (string Id, string AadObjectId)[] members)
    {
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId }, ["eventType"] = "teamMemberAdded" };
        if (teamId is not null)
        {
            channelData["team"] = new JsonObject { ["id"] = teamId };
        }
        return new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["id"] = id,
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["timestamp"] = "2026-11-25T21:00:00.000Z",
            ["from"] = new JsonObject { ["id"] = UserId, ["aadObjectId"] = UserAadId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TenantId },
            ["membersAdded"] = new JsonArray(members.Select(m => (JsonNode?)new JsonObject { ["id"] = m.Id, ["aadObjectId"] = m.AadObjectId }).ToArray()),
            ["channelData"] = channelData,
        };
    }

    private static JsonObject Message(string serviceUrl, string id, string conversationId, string conversationType, string? text, string? timeZone)
    {
        var entities = new JsonArray();
        if (timeZone is not null)
        {
            entities.Add(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = "BE", ["platform"] = "Web", ["timezone"] = timeZone });
        }
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["timestamp"] = "2026-11-25T21:00:00.000Z",
            ["localTimestamp"] = "2026-11-25T22:00:00.000+01:00",
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Amina Diallo", ["aadObjectId"] = UserAadId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = TenantId },
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "en-US",
            ["entities"] = entities,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
    }
}
