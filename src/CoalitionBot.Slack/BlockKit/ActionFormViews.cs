using System.Text.Json.Nodes;
using CoalitionBot.Actions;

namespace CoalitionBot.Slack.BlockKit;

/// <summary>
/// The modals of <c>/coalition action new</c>: the form (plain fields, the deadline in the
/// coordinator's own words) and, pushed over it, the confirmation that shows the deadline as read.
/// "Back" on the confirmation returns to the form with its values.
/// </summary>
internal static class ActionFormViews
{
    public const string FormCallback = "action_new";
    public const string ConfirmCallback = "action_confirm";
    public const string AudienceBlock = "audience";
    public const string DmBlock = "dm";

    private static readonly (string Name, string Label)[] Kinds =
    [
        ("sign-on", "Sign-on letter"), ("statement", "Joint statement"), ("call-to-action", "Call to action"), ("event", "Event"),
    ];

    /// <param name="metadata">Carried to the submission: the coordinator's zone and where the command was typed.</param>
    public static JsonObject Form(string timeZone, string? channel, string metadata)
    {
        var audience = new JsonObject
        {
            ["type"] = "multi_conversations_select",
            ["action_id"] = "value",
            ["placeholder"] = PlainText("Channels to post in"),
            ["filter"] = new JsonObject { ["include"] = new JsonArray("public", "private"), ["exclude_bot_users"] = true },
        };
        if (channel is { Length: > 0 } && channel[0] is 'C' or 'G')
        {
            audience["initial_conversations"] = new JsonArray(channel);
        }
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = FormCallback,
            ["private_metadata"] = metadata,
            ["title"] = PlainText("New joint action"),
            ["submit"] = PlainText("Review"),
            ["close"] = PlainText("Cancel"),
            ["blocks"] = new JsonArray(
                Input(ActionDraft.Fields.Kind, "Kind", new JsonObject
                {
                    ["type"] = "static_select",
                    ["action_id"] = "value",
                    ["options"] = new JsonArray(Kinds.Select(k => (JsonNode)Option(k.Name, k.Label)).ToArray()),
                    ["initial_option"] = Option(Kinds[0].Name, Kinds[0].Label),
                }),
                Input(ActionDraft.Fields.Title, "Title", TextInput(ActionDraft.MaxTitle, "Protection for migrants in transit — joint letter")),
                Input(ActionDraft.Fields.Summary, "Summary", TextInput(ActionDraft.MaxSummary, "What it asks and why, in two or three sentences", multiline: true), optional: true),
                Input(ActionDraft.Fields.Link, "Link to the text", new JsonObject { ["type"] = "url_text_input", ["action_id"] = "value" }, optional: true),
                Input(ActionDraft.Fields.Deadline, "Deadline", TextInput(100, "Friday 5pm, Dec 5 17:00, in 3 days"),
                    hint: $"Read in your time zone, {timeZone}. You will see it before anything is sent."),
                Input(ActionDraft.Fields.Reminders, "Remind those who have not answered", TextInput(100, "3 days, 1 day, 2 hours", initial: "3 days, 1 day, 2 hours"),
                    optional: true, hint: "Before the deadline; “none” for no reminders."),
                Input(AudienceBlock, "Post in", audience),
                Input(DmBlock, "Direct messages", new JsonObject
                {
                    ["type"] = "checkboxes",
                    ["action_id"] = "value",
                    ["options"] = new JsonArray(Option("dm", "Also ask each member of these channels by direct message")),
                }, optional: true)),
        };
    }

    /// <summary>The check before sending: what was read, in the coordinator's zone, with "Create and send".</summary>
    public static JsonObject Confirm(string confirmation, string metadata) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = ConfirmCallback,
        ["private_metadata"] = metadata,
        ["title"] = PlainText("Check and send"),
        ["submit"] = PlainText("Create and send"),
        ["close"] = PlainText("Back"),
        ["blocks"] = new JsonArray(
            new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Mrkdwn.Escape(confirmation) } },
            ReplyBlocks.Context("Members see the deadline in their own time zone. “Back” changes the details.")),
    };

    private static JsonObject Input(string block, string label, JsonObject element, bool optional = false, string? hint = null)
    {
        var input = new JsonObject { ["type"] = "input", ["block_id"] = block, ["optional"] = optional, ["label"] = PlainText(label), ["element"] = element };
        if (hint is not null)
        {
            input["hint"] = PlainText(hint);
        }
        return input;
    }

    private static JsonObject TextInput(int maxLength, string placeholder, bool multiline = false, string? initial = null)
    {
        var input = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = "value",
            ["max_length"] = maxLength,
            ["multiline"] = multiline,
            ["placeholder"] = PlainText(placeholder),
        };
        if (initial is not null)
        {
            input["initial_value"] = initial;
        }
        return input;
    }

    private static JsonObject Option(string value, string label) => new() { ["text"] = PlainText(label), ["value"] = value };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };
}
