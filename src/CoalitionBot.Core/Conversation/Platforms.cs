namespace CoalitionBot.Conversation;

/// <summary>The surfaces' names, as stored with answers, actions and deliveries.</summary>
public static class Platforms
{
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string Web = "web";
    public const string Cli = "cli";

    /// <summary>The platforms an action can be sent to (they have conversations and members to reach).</summary>
    public static readonly IReadOnlySet<string> Broadcast = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Slack, Teams };
}
