using System.Text.Json.Nodes;

namespace CoalitionBot.Teams.Tests.Support;

/// <summary>Reading an Adaptive Card the bot sent as a member sees it: its texts, its inputs, its buttons.</summary>
public static class Cards
{
    public static IEnumerable<JsonObject> Body(JsonObject card) => card["body"]!.AsArray().OfType<JsonObject>();

    public static List<JsonObject> Inputs(JsonObject card) =>
        Body(card).Where(e => e["type"]!.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal)).ToList();

    public static IEnumerable<string> Texts(JsonObject card) =>
        Body(card).Where(e => e["type"]!.GetValue<string>() == "TextBlock").Select(e => e["text"]!.GetValue<string>());

    /// <summary>Every action of the card's action sets, in order.</summary>
    public static List<JsonObject> Buttons(JsonObject card) =>
        Body(card).Where(e => e["type"]!.GetValue<string>() == "ActionSet")
            .SelectMany(s => s["actions"]!.AsArray().OfType<JsonObject>())
            .ToList();

    /// <summary>The data of the card's Action.Submit titled <paramref name="title"/>.</summary>
    public static JsonObject Button(JsonObject card, string title) =>
        (JsonObject)Buttons(card).Single(a => a["title"]!.GetValue<string>() == title)["data"]!;

    /// <summary>
    /// What Teams sends when a member presses <paramref name="button"/> on a form card: the button's data with every
    /// input's value merged in by id, as shown on the card unless <paramref name="typed"/> changes it.
    /// </summary>
    public static JsonObject Filled(JsonObject card, string button, IReadOnlyDictionary<string, string>? typed = null)
    {
        var data = (JsonObject)Button(card, button).DeepClone();
        foreach (var input in Inputs(card))
        {
            var id = input["id"]!.GetValue<string>();
            data[id] = typed is not null && typed.TryGetValue(id, out var value) ? value
                : input["value"]?.GetValue<string>() ?? (input["type"]!.GetValue<string>() == "Input.Toggle" ? "false" : "");
        }
        return data;
    }
}
