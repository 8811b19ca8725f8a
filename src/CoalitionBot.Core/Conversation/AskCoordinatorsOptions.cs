namespace CoalitionBot.Conversation;

/// <summary>Where members' unanswered questions go (section "AskCoordinators").</summary>
public sealed class AskCoordinatorsOptions
{
    /// <summary>The coordinators' Slack channel id (the bot must be in it). Default: none, and no "Ask a coordinator" button on Slack.</summary>
    public string? Slack { get; set; }

    /// <summary>The coordinators' Teams conversation id (a channel where the bot is installed). Default: none.</summary>
    public string? Teams { get; set; }

    public string? For(string platform) => platform.ToLowerInvariant() switch
    {
        Platforms.Slack => Slack,
        Platforms.Teams => Teams,
        _ => null,
    } is { Length: > 0 } conversation ? conversation : null;
}
