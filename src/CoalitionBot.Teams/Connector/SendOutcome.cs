namespace CoalitionBot.Teams.Connector;

/// <summary>What became of one proactive message.</summary>
public enum SendOutcome
{
    Sent,

    /// <summary>No stored conversation reaches the member (they never wrote to the bot nor installed it personally).</summary>
    Unreachable,

    /// <summary>The Bot Connector refused it, or kept failing after the retries.</summary>
    Failed,
}
