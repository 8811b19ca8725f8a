using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.Handlers;

namespace CoalitionBot.Slack.BlockKit;

/// <summary>
/// A Core <see cref="Form"/> as a Block Kit modal and back: each field an input block whose block_id is the field's
/// name, the form's id as callback_id, its state (and the channel the form was opened from, where the outcome is
/// told) in private_metadata. A pushed confirmation's "Back" is Slack's own close button, which returns to the form.
/// </summary>
internal static class FormModal
{
    private const string ValueAction = "value";
    private const int TitleLimit = 24;
    private const int MetadataLimit = 3_000;

    /// <summary>The modal's view; field errors (a form shown again in place of another) appear under their fields.</summary>
    public static JsonObject View(Form form, string? channel)
    {
        var blocks = new JsonArray();
        if (form.Intro is { } intro)
        {
            blocks.Add(ReplyBlocks.Section(Mrkdwn.Escape(intro)));
        }
        foreach (var field in form.Fields)
        {
            blocks.Add(Input(field));
            if (field.Error is { } error)
            {
                blocks.Add(ReplyBlocks.Context("⚠️ " + Mrkdwn.Escape(error)));
            }
        }
        if (form.Note is { } note)
        {
            blocks.Add(ReplyBlocks.Context(Mrkdwn.Escape(note)));
        }
        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = form.Id,
            ["private_metadata"] = Metadata(form.State, channel),
            ["title"] = PlainText(Mrkdwn.Cut(form.Title, TitleLimit)),
            ["close"] = PlainText(form.BackLabel ?? "Cancel"),
            ["blocks"] = blocks,
        };
        if (form.Fields.Count > 0 || form.SubmitLabel.Length > 0)
        {
            view["submit"] = PlainText(Mrkdwn.Cut(form.SubmitLabel, TitleLimit));
        }
        return view;
    }

    /// <summary>
    /// What the submission's ack carries (Slack closes the modal otherwise): the errors beside the fields of the same
    /// form, the next form pushed over it (a confirmation), the view replaced by a form that is not the one submitted,
    /// or "clear" (close every view of the stack) once it is complete.
    /// </summary>
    public static JsonObject Ack(string submitted, Form? next, string? channel) => next switch
    {
        null => new JsonObject { ["response_action"] = "clear" },
        _ when next.Id == submitted && next.HasErrors => new JsonObject
        {
            ["response_action"] = "errors",
            ["errors"] = new JsonObject(next.Fields.Where(f => f.Error is not null).Select(f => KeyValuePair.Create(f.Name, (JsonNode?)JsonValue.Create(f.Error)))),
        },
        _ when next.Id != submitted && !next.HasErrors => new JsonObject { ["response_action"] = "push", ["view"] = View(next, channel) },
        _ => new JsonObject { ["response_action"] = "update", ["view"] = View(next, channel) },
    };

    /// <summary>A view_submission as Core reads it; the channel is where the form was opened from.</summary>
    public static (FormSubmit Submit, string? Channel) Read(JsonElement payload)
    {
        var view = payload.Obj("view");
        var (state, channel) = ReadMetadata(view.Str("private_metadata"));
        var values = new Dictionary<string, string?>();
        foreach (var block in view.Obj("state").Obj("values").EnumerateObjectOrEmpty())
        {
            values[block.Name] = Value(block.Value.Obj(ValueAction));
        }
        var user = payload.Obj("user").Str("id") ?? "";
        var where = new IncomingMessage(Platforms.Slack, user, channel ?? "", null, "");
        // The root view's id is the same for the form and the confirmation pushed over it: one request, one action.
        return (new FormSubmit(where, view.Str("callback_id") ?? "", values, state, view.Str("root_view_id") ?? view.Str("id")), channel);
    }

    private static string? Value(JsonElement element) => element.Str("type") switch
    {
        "static_select" => element.Obj("selected_option").Str("value"),
        "multi_conversations_select" => string.Join(',', element.Arr("selected_conversations").Select(c => c.GetString())),
        "checkboxes" => element.Arr("selected_options").Any() ? "true" : "false",
        _ => element.Str("value"),
    };

    private static JsonObject Input(FormField field)
    {
        var element = new JsonObject { ["action_id"] = ValueAction };
        switch (field.Kind)
        {
            case FieldKind.Choice:
                element["type"] = "static_select";
                element["options"] = new JsonArray(field.Choices.Select(c => (JsonNode)Option(c.Value, c.Label)).ToArray());
                if (field.Choices.FirstOrDefault(c => c.Value == field.Value) is { } initial)
                {
                    element["initial_option"] = Option(initial.Value, initial.Label);
                }
                break;
            case FieldKind.Toggle:
                element["type"] = "checkboxes";
                element["options"] = new JsonArray(Option("true", field.Label));
                if (field.Value == "true")
                {
                    element["initial_options"] = new JsonArray(Option("true", field.Label));
                }
                break;
            case FieldKind.Conversations:
                element["type"] = "multi_conversations_select";
                element["filter"] = new JsonObject { ["include"] = new JsonArray("public", "private"), ["exclude_bot_users"] = true };
                // Only a channel can be preselected; a DM with the bot is no audience.
                var channels = (field.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Where(c => c[0] is 'C' or 'G').ToArray();
                if (channels.Length > 0)
                {
                    element["initial_conversations"] = new JsonArray(channels.Select(c => (JsonNode?)c).ToArray());
                }
                break;
            case FieldKind.Url:
                element["type"] = "url_text_input";
                break;
            default:
                element["type"] = "plain_text_input";
                element["multiline"] = field.Kind == FieldKind.LongText;
                if (field.MaxLength is { } max)
                {
                    element["max_length"] = max;
                }
                if (!string.IsNullOrEmpty(field.Value))
                {
                    element["initial_value"] = field.Value;
                }
                break;
        }
        if (field.Placeholder is { } placeholder && field.Kind is not (FieldKind.Toggle or FieldKind.Choice))
        {
            element["placeholder"] = PlainText(placeholder);
        }
        var input = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = field.Name,
            ["optional"] = field.Optional || field.Kind == FieldKind.Toggle,
            ["label"] = PlainText(field.Kind == FieldKind.Toggle ? "Direct messages" : field.Label),
            ["element"] = element,
        };
        if (field.Hint is { } hint)
        {
            input["hint"] = PlainText(hint);
        }
        return input;
    }

    // The channel comes first, on a line of its own: channel ids have no line breaks, and the state stays as it is.
    private static string Metadata(string? state, string? channel) =>
        $"{channel}\n{state}" is { Length: <= MetadataLimit } metadata
            ? metadata
            : throw new InvalidOperationException($"A form's state must stay under {Form.MaxState} characters; Core checks it before it gets here.");

    private static (string? State, string? Channel) ReadMetadata(string? metadata)
    {
        var split = (metadata ?? "").IndexOf('\n');
        return split < 0 ? (null, null) : (metadata![(split + 1)..] is { Length: > 0 } state ? state : null, split > 0 ? metadata[..split] : null);
    }

    private static IEnumerable<JsonProperty> EnumerateObjectOrEmpty(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : [];

    private static JsonObject Option(string value, string label) => new() { ["text"] = PlainText(label), ["value"] = value };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };
}
