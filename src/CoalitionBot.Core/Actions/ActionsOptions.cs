using CoalitionBot.Conversation;

namespace CoalitionBot.Actions;

/// <summary>Who may create and close joint actions from Slack and Teams (section "Actions").</summary>
public sealed class ActionsOptions
{
    /// <summary>Coordinators by platform. Default: none, so only holders of the admin API key can create actions.</summary>
    public CoordinatorsOptions Coordinators { get; set; } = new();
}

public sealed class CoordinatorsOptions
{
    /// <summary>Slack user ids ("U0123ABCD"). Default: none.</summary>
    public List<string> Slack { get; set; } = [];

    /// <summary>Teams members' Microsoft Entra (AAD) object ids. Default: none.</summary>
    public List<string> Teams { get; set; } = [];

    public bool Includes(string platform, string userId) => platform.ToLowerInvariant() switch
    {
        Platforms.Slack => Slack.Contains(userId, StringComparer.Ordinal),
        Platforms.Teams => Teams.Contains(userId, StringComparer.OrdinalIgnoreCase),
        _ => false,
    };
}
