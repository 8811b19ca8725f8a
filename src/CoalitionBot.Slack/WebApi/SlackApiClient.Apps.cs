namespace CoalitionBot.Slack.WebApi;

internal sealed partial class SlackApiClient
{
    /// <summary>
    /// apps.connections.open: a fresh, single-use Socket Mode URL. Slack takes the app-level token only
    /// in the header, so it goes there and the body is empty.
    /// </summary>
    public async Task<Uri> OpenSocketConnectionAsync(CancellationToken cancellationToken)
    {
        const string Method = "apps.connections.open";
        var reply = await SendAsync(Method, AppToken(), () => new FormUrlEncodedContent([]), cancellationToken);
        return Uri.TryCreate(Required(reply, "url", Method), UriKind.Absolute, out var url)
            ? url
            : throw new SlackApiException(Method, "invalid_response", details: ["the url is not absolute"]);
    }
}
