using System.Globalization;
using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams.AdaptiveCards;

/// <summary>
/// A Core <see cref="Form"/> as an Adaptive Card 1.5 and back. Teams shows no modal for a message button, so a form is
/// a card in the conversation; its Action.Submit comes back as a message whose value holds the inputs by field name
/// next to the form's id and state (Teams keeps no state between two submits: the card's data is the state). Errors
/// come back as the same form, values kept: a summary on top and each error under its field.
/// </summary>
internal static class FormCard
{
    /// <summary>The submit of a form (data: form, state and the inputs); <see cref="Back"/> is its back button.</summary>
    public const string Submit = "form_submit";
    public const string Back = "form_back";
    public const string FormKey = "form";
    public const string StateKey = "state";

    public static bool Handles(string? action) => action is Submit or Back;

    public static JsonObject Render(Form form)
    {
        var body = new JsonArray { new JsonObject { ["type"] = "TextBlock", ["text"] = form.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true } };
        if (form.Intro is { } intro)
        {
            body.Add(Text(CardText.Paragraphs(intro)));
        }
        if (form.HasErrors)
        {
            body.Add(Attention(CardText.Paragraphs("Nothing has been sent yet. Please fix:\n"
                + string.Join("\n", form.Fields.Where(f => f.Error is not null).Select(f => $"- {f.Label}: {f.Error}")))));
        }
        var data = new JsonObject { ["action"] = Submit, [FormKey] = form.Id, [StateKey] = form.State };
        foreach (var field in form.Fields)
        {
            if (field.Kind == FieldKind.Conversations)
            {
                // Teams offers no conversation picker on a card: the action goes to the conversation the form is in.
                body.Add(Text($"{field.Label}: this conversation."));
                data[field.Name] = field.Value;
                continue;
            }
            body.Add(Input(field));
            if (field.Hint is { } hint)
            {
                body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = hint, ["isSubtle"] = true, ["size"] = "Small", ["wrap"] = true, ["spacing"] = "None" });
            }
            if (field.Error is { } error)
            {
                body.Add(Attention(error));
            }
        }
        if (form.Note is { } note)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = note, ["isSubtle"] = true, ["wrap"] = true });
        }
        var actions = new JsonArray { Action(form.SubmitLabel, data, positive: true) };
        if (form.BackLabel is { } back)
        {
            actions.Add(Action(back, new JsonObject { ["action"] = Back, [FormKey] = form.Id, [StateKey] = form.State }));
        }
        body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = actions });
        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
    }

    /// <summary>A submit's values: every input Teams merged into the data, by field name, and the form's own keys.</summary>
    /// <param name="requestId">The card's id, so a double click on one card is one request.</param>
    public static FormSubmit Read(JObject data, IncomingMessage where, string? requestId)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, token) in data)
        {
            if (key is not ("action" or FormKey or StateKey) && token is not null)
            {
                values[key] = Str(token);
            }
        }
        return new FormSubmit(where, Str(data[FormKey]) ?? "", values, Str(data[StateKey]), requestId, Back: Str(data["action"]) == Back);
    }

    private static JsonObject Input(FormField field)
    {
        var input = new JsonObject { ["id"] = field.Name, ["label"] = field.Optional ? $"{field.Label} (optional)" : field.Label };
        switch (field.Kind)
        {
            case FieldKind.Choice:
                input["type"] = "Input.ChoiceSet";
                input["style"] = "compact";
                input["choices"] = new JsonArray(field.Choices.Select(c => (JsonNode?)new JsonObject { ["title"] = c.Label, ["value"] = c.Value }).ToArray());
                break;
            case FieldKind.Toggle:
                input["type"] = "Input.Toggle";
                input.Remove("label");
                input["title"] = field.Label;
                input["valueOn"] = "true";
                input["valueOff"] = "false";
                break;
            default:
                input["type"] = "Input.Text";
                input["maxLength"] = field.MaxLength ?? 200;
                if (field.Kind == FieldKind.LongText)
                {
                    input["isMultiline"] = true;
                }
                if (field.Kind == FieldKind.Url)
                {
                    input["style"] = "Url";
                }
                if (field.Placeholder is { } placeholder)
                {
                    input["placeholder"] = placeholder;
                }
                break;
        }
        if (!string.IsNullOrEmpty(field.Value))
        {
            input["value"] = field.Value;
        }
        return input;
    }

    private static JsonObject Action(string title, JsonObject data, bool positive = false)
    {
        var action = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
        if (positive)
        {
            action["style"] = "positive";
        }
        return action;
    }

    private static JsonObject Text(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };

    private static JsonObject Attention(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["color"] = "Attention", ["wrap"] = true };

    private static string? Str(JToken? token) => token switch
    {
        null => null,
        { Type: JTokenType.String } => (string?)token,
        { Type: JTokenType.Boolean } => (bool)token ? "true" : "false",
        JValue { Type: JTokenType.Date, Value: var date } => Typed(date),
        { Type: JTokenType.Integer or JTokenType.Float } => token.ToString(),
        _ => null,
    };

    /// <summary>
    /// Newtonsoft, which reads the activity, turns text that looks like an ISO date into a date; a coordinator who typed
    /// "2026-12-05T17:00+01:00" must get that moment back, and a date without an offset stays in their own zone.
    /// </summary>
    private static string? Typed(object? date) => date switch
    {
        DateTimeOffset moment => moment.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        DateTime { Kind: DateTimeKind.Unspecified } local => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateTime moment => new DateTimeOffset(moment).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        _ => null,
    };
}
