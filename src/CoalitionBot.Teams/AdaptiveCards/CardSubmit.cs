using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams.AdaptiveCards;

/// <summary>
/// The data of a card's Action.Submit as it comes back in a message activity's <c>value</c>:
/// <c>{ "action": ReplyActions.*, "value": "…", "answerId": "…" }</c>.
/// </summary>
internal sealed record CardSubmit(string? Action, string? Value, string? AnswerId)
{
    public const string ActionKey = "action";
    public const string ValueKey = "value";
    public const string AnswerIdKey = "answerId";

    /// <summary>Reads the submit data; Teams hands it over as a JObject (Newtonsoft), anything else names nothing.</summary>
    public static CardSubmit From(object? value) => value is JObject data
        ? new CardSubmit(Str(data, ActionKey), Str(data, ValueKey), Str(data, AnswerIdKey))
        : new CardSubmit(null, null, null);

    private static string? Str(JObject data, string key) =>
        data.TryGetValue(key, StringComparison.Ordinal, out var token) && token.Type == JTokenType.String ? (string?)token : null;
}
