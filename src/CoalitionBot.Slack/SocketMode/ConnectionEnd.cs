namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// Why a link stopped being usable: Slack sent <c>disconnect</c> (<see cref="DisconnectReason"/> set; the
/// link may still deliver until Slack closes it), or the link closed or broke (<see cref="DisconnectReason"/> null).
/// </summary>
internal sealed record ConnectionEnd(string? DisconnectReason)
{
    public static readonly ConnectionEnd Dropped = new((string?)null);
}
