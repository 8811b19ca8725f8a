using CoalitionBot.Conversation;

namespace CoalitionBot.Onboarding;

/// <summary>Onboarding (section "Onboarding").</summary>
public sealed class OnboardingOptions
{
    /// <summary>The tracks file. Default: onboarding.yaml in the first knowledge source folder (seeds/onboarding.yaml).</summary>
    public string? TracksFile { get; set; }

    /// <summary>The track "onboard" starts when none is named. Default: "welcome".</summary>
    public string DefaultTrack { get; set; } = "welcome";

    /// <summary>Where joining means being welcomed (once per member): Slack channel ids and Teams team or conversation ids. Default: none.</summary>
    public WelcomeOptions Welcome { get; set; } = new();
}

public sealed class WelcomeOptions
{
    public List<string> Slack { get; set; } = [];

    public List<string> Teams { get; set; } = [];

    public bool Includes(string platform, string conversation) => platform.ToLowerInvariant() switch
    {
        Platforms.Slack => Slack.Contains(conversation, StringComparer.Ordinal),
        Platforms.Teams => Teams.Contains(conversation, StringComparer.OrdinalIgnoreCase),
        _ => false,
    };
}
