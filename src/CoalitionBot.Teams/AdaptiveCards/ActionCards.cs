using System.Text.Json.Nodes;
using CoalitionBot.Actions;

namespace CoalitionBot.Teams.AdaptiveCards;

/// <summary>
/// The joint-action forms as Adaptive Cards 1.5: a member's sign-on form, a coordinator's "new action" form and
/// its confirmation. Teams shows no modal for a message button, so each form is a card in the conversation and its
/// Action.Submit comes back as a message whose value holds the inputs by id (<see cref="ActionDraft.Fields"/>).
/// Errors found on the server come back as the same form, values kept, each error under its field.
/// </summary>
internal static class ActionCards
{
    /// <summary>The sign-on form's submit (value: the action id).</summary>
    public const string SignSubmit = "action_sign_submit";
    public const string NewSubmit = "action_new_submit";
    public const string NewConfirm = "action_new_confirm";
    public const string NewChange = "action_new_change";

    public const string Organisation = "organisation";
    public const string SignerName = "name";
    public const string SignerTitle = "title";

    private const int MaxField = 200;

    public static JsonObject SignForm(string actionId, string? organisation, string? name, string? title, string? problem = null)
    {
        var body = new JsonArray { Heading("Sign on for your organisation") };
        if (problem is not null)
        {
            body.Add(Attention(problem));
        }
        body.Add(TextInput(Organisation, "Organisation", organisation, required: true, errorMessage: "Which organisation signs? A sign-on letter lists organisations."));
        body.Add(TextInput(SignerName, "Signer's name", name, required: true, errorMessage: "Who signs for it? Your name as it should appear on the letter."));
        body.Add(TextInput(SignerTitle, "Signer's title (optional)", title));
        body.Add(Actions(Submit("Sign on", new JsonObject { [CardSubmit.ActionKey] = SignSubmit, [CardSubmit.ValueKey] = actionId }, positive: true)));
        return Card(body);
    }

    public static JsonObject NewActionForm(ActionFormValues values, IReadOnlyDictionary<string, string>? errors = null)
    {
        errors ??= new Dictionary<string, string>();
        var body = new JsonArray { Heading("New joint action") };
        if (errors.Count > 0)
        {
            body.Add(Attention(CardText.Paragraphs(ErrorList(errors))));
        }
        void Field(JsonObject input)
        {
            body.Add(input);
            if (errors.TryGetValue(input["id"]!.GetValue<string>(), out var error))
            {
                body.Add(Attention(error));
            }
        }
        Field(new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = ActionDraft.Fields.Kind,
            ["label"] = "Kind",
            ["style"] = "compact",
            ["isRequired"] = true,
            ["value"] = string.IsNullOrWhiteSpace(values.Kind) ? "sign-on" : values.Kind,
            ["choices"] = new JsonArray(
                Choice("Sign-on letter", "sign-on"), Choice("Joint statement", "statement"),
                Choice("Call to action", "call-to-action"), Choice("Event", "event")),
        });
        Field(TextInput(ActionDraft.Fields.Title, "Title", values.Title, required: true, maxLength: ActionDraft.MaxTitle, errorMessage: "Give the action a title."));
        var summary = TextInput(ActionDraft.Fields.Summary, "Summary", values.Summary, maxLength: ActionDraft.MaxSummary);
        summary["isMultiline"] = true;
        Field(summary);
        var link = TextInput(ActionDraft.Fields.Link, "Link to the full text (optional)", values.Link, placeholder: "https://…");
        link["style"] = "Url";
        Field(link);
        Field(TextInput(ActionDraft.Fields.Deadline, $"Deadline, read in your time zone ({values.TimeZone})", values.Deadline,
            required: true, placeholder: "Friday 5pm, Dec 5 17:00, in 3 days", errorMessage: "Give a deadline."));
        Field(TextInput(ActionDraft.Fields.Reminders, "Reminders before the deadline (or “none”)", values.Reminders, placeholder: "3 days, 1 day, 2 hours"));
        body.Add(new JsonObject
        {
            ["type"] = "Input.Toggle",
            ["id"] = ActionFormValues.DmKey,
            ["title"] = "Also ask each member by direct message",
            ["value"] = values.Dm ? "true" : "false",
            ["valueOn"] = "true",
            ["valueOff"] = "false",
        });
        // The zone the label names travels with the submit, so the deadline is read in the zone the coordinator saw.
        body.Add(Actions(Submit("Preview", new JsonObject { [CardSubmit.ActionKey] = NewSubmit, [ActionFormValues.TimeZoneKey] = values.TimeZone }, positive: true)));
        return Card(body);
    }

    /// <summary>The action as read, for the coordinator to confirm; both buttons carry the whole draft.</summary>
    public static JsonObject Confirmation(string text, ActionFormValues values) => Card(new JsonArray
    {
        Heading("Check before it goes out"),
        Text(CardText.Paragraphs(text)),
        Actions(
            Submit("Create and send", new JsonObject { [CardSubmit.ActionKey] = NewConfirm, [ActionFormValues.DraftKey] = values.ToJson() }, positive: true),
            Submit("Change", new JsonObject { [CardSubmit.ActionKey] = NewChange, [ActionFormValues.DraftKey] = values.ToJson() })),
    });

    /// <summary>"Nothing has been sent yet. Please fix:" and a line per field, in the form's order.</summary>
    public static string ErrorList(IReadOnlyDictionary<string, string> errors) =>
        "Nothing has been sent yet. Please fix:\n" + string.Join("\n", FieldNames.Where(f => errors.ContainsKey(f.Key)).Select(f => $"- {f.Value}: {errors[f.Key]}"));

    private static readonly KeyValuePair<string, string>[] FieldNames =
    [
        new(ActionDraft.Fields.Kind, "Kind"), new(ActionDraft.Fields.Title, "Title"), new(ActionDraft.Fields.Summary, "Summary"),
        new(ActionDraft.Fields.Link, "Link"), new(ActionDraft.Fields.Deadline, "Deadline"), new(ActionDraft.Fields.Reminders, "Reminders"),
    ];

    private static JsonObject Card(JsonArray body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = body,
    };

    private static JsonObject TextInput(string id, string label, string? value, bool required = false, int maxLength = MaxField, string? placeholder = null, string? errorMessage = null)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = id, ["label"] = label, ["maxLength"] = maxLength };
        if (!string.IsNullOrEmpty(value))
        {
            input["value"] = value;
        }
        if (placeholder is not null)
        {
            input["placeholder"] = placeholder;
        }
        if (required)
        {
            input["isRequired"] = true;
            input["errorMessage"] = errorMessage ?? $"{label} is needed.";
        }
        return input;
    }

    private static JsonObject Choice(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject Actions(params JsonObject[] actions) => new()
    {
        ["type"] = "ActionSet",
        ["actions"] = new JsonArray(actions.Select(a => (JsonNode?)a).ToArray()),
    };

    private static JsonObject Submit(string title, JsonObject data, bool positive = false)
    {
        var action = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
        if (positive)
        {
            action["style"] = "positive";
        }
        return action;
    }

    private static JsonObject Heading(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true };

    private static JsonObject Text(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };

    private static JsonObject Attention(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["color"] = "Attention", ["wrap"] = true };
}
