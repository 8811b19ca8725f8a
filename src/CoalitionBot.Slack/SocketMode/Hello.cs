namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// The first frame on a new link; only after it is the link ready. Never acked.
/// </summary>
/// <param name="ApproximateConnectionTime">Seconds until Slack expects to refresh the link (<c>debug_info.approximate_connection_time</c>), if given.</param>
internal sealed record Hello(int? NumConnections, int? ApproximateConnectionTime) : SocketModeFrame;
