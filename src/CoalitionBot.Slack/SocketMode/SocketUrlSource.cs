namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// A fresh Socket Mode URL (<c>apps.connections.open</c>). Slack's URLs are single-use, so the client
/// asks for one before every connection, first or replacement.
/// </summary>
internal delegate Task<Uri> SocketUrlSource(CancellationToken cancellationToken);
