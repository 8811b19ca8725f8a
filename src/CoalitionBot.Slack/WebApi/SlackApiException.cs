namespace CoalitionBot.Slack.WebApi;

/// <summary>
/// A Slack Web API call that did not succeed: <c>ok:false</c> with an <see cref="Error"/> code such as
/// <c>channel_not_found</c>, <c>ratelimited</c> after the retries ran out, <c>http_&lt;status&gt;</c> for a
/// status other than 200/429, or <c>invalid_response</c>. Never carries a token.
/// </summary>
internal sealed class SlackApiException(
    string method,
    string error,
    string? needed = null,
    string? provided = null,
    IReadOnlyList<string>? details = null,
    Exception? inner = null)
    : Exception(Describe(method, error, needed, provided, details), inner)
{
    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>.</summary>
    public string Method { get; } = method;

    /// <summary>Slack's error code, e.g. <c>not_in_channel</c>.</summary>
    public string Error { get; } = error;

    /// <summary>For <c>missing_scope</c>: the scope the call needs.</summary>
    public string? Needed { get; } = needed;

    /// <summary>For <c>missing_scope</c>: the scopes the token has.</summary>
    public string? Provided { get; } = provided;

    /// <summary>Slack's <c>response_metadata.messages</c>, e.g. why blocks were invalid.</summary>
    public IReadOnlyList<string> Details { get; } = details ?? [];

    private static string Describe(string method, string error, string? needed, string? provided, IReadOnlyList<string>? details)
    {
        var message = $"Slack method {method} failed with {error}.";
        if (needed is not null || provided is not null)
        {
            message += $" Needed scope: {needed ?? "(not given)"}; the token has: {provided ?? "(not given)"}. Add the scope in the app's OAuth settings and reinstall the app.";
        }
        if (details is { Count: > 0 })
        {
            message += " " + string.Join(" ", details);
        }
        return message;
    }
}
