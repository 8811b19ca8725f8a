namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// Slack is about to close the link. <see cref="Reason"/> is an open set: <c>warning</c>,
/// <c>refresh_requested</c>, <c>link_disabled</c>, <c>too_many_websockets</c>, and whatever comes next.
/// </summary>
internal sealed record Disconnect(string Reason) : SocketModeFrame
{
    public const string LinkDisabled = "link_disabled";
    public const string TooManyWebSockets = "too_many_websockets";
}
