namespace CoalitionBot.Conversation;

/// <summary>
/// A click on one of the bot's buttons (<see cref="ReplyButton"/>), as a platform adapter hands it to
/// <see cref="InteractionHandler"/>. <see cref="Where"/> is the conversation and thread of the message the button was on.
/// </summary>
/// <param name="MessageId">The clicked message, which a reply with <see cref="ReplyPlacement.ReplaceClicked"/> rewrites.</param>
public sealed record ButtonClick(IncomingMessage Where, string Action, string Value, string? MessageId = null);

/// <summary>The values of a <see cref="Form"/> a person submitted, by field name, with the form's state as it was given.</summary>
/// <param name="RequestId">
/// What makes a second submit of the same form the same request (a Slack view id, a Teams card id, a browser's form
/// id): creating an action from it twice creates one.
/// </param>
/// <param name="Back">The form's back button was pressed rather than its submit.</param>
public sealed record FormSubmit(
    IncomingMessage Where,
    string FormId,
    IReadOnlyDictionary<string, string?> Values,
    string? State,
    string? RequestId = null,
    bool Back = false)
{
    /// <summary>A field's value, trimmed; null when empty.</summary>
    public string? Value(string name) =>
        Values.TryGetValue(name, out var value) && value?.Trim() is { Length: > 0 } text ? text : null;
}
